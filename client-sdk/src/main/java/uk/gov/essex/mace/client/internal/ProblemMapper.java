package uk.gov.essex.mace.client.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.client.AuthenticationException;
import uk.gov.essex.mace.client.ConflictException;
import uk.gov.essex.mace.client.ForbiddenException;
import uk.gov.essex.mace.client.HubException;
import uk.gov.essex.mace.client.HubUnavailableException;
import uk.gov.essex.mace.client.IdempotencyKeyReusedException;
import uk.gov.essex.mace.client.NotFoundException;
import uk.gov.essex.mace.client.RateLimitedException;
import uk.gov.essex.mace.client.StaleRevisionException;
import uk.gov.essex.mace.client.ValidationException;

/** Turns a hub error response (RFC 9457 problem+json, or anything else) into the right exception. */
public final class ProblemMapper {

    private static final String PREFIX = "urn:mace-hub:problem:";

    private ProblemMapper() {}

    public static HubException from(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode problem = parse(response.body());
        String type = text(problem, "type");
        String title = text(problem, "title");
        String detail = text(problem, "detail");
        String requestId = response.headers().firstValue("X-Request-Id").orElse(text(problem, "requestId"));
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode e = problem.path("errors");
        if (e.isObject()) {
            for (Map.Entry<String, JsonNode> f : e.properties()) {
                errors.put(f.getKey(), f.getValue().isString() ? f.getValue().asString() : f.getValue().toString());
            }
        }
        if (title == null) {
            title = "HTTP " + status;
        }
        return switch (status) {
            case 400, 422 -> new ValidationException(status, type, title, detail, requestId, errors, null);
            case 401 -> new AuthenticationException(status, type, title, detail, requestId, errors, null);
            case 403 -> new ForbiddenException(status, type, title, detail, requestId, errors, null);
            case 404 -> new NotFoundException(status, type, title, detail, requestId, errors, null);
            case 409 -> conflict(type, title, detail, requestId, errors);
            case 429 -> new RateLimitedException(status, type, title, detail, requestId, errors, retryAfter(response), null);
            case 502, 503, 504 -> new HubUnavailableException(status, type, title, detail, requestId, errors, null);
            default -> new HubException(status, type, title, detail, requestId, errors, null);
        };
    }

    private static HubException conflict(String type, String title, String detail, String requestId,
            Map<String, String> errors) {
        if ((PREFIX + "stale-revision").equals(type)) {
            return new StaleRevisionException(409, type, title, detail, requestId, errors, null);
        }
        if ((PREFIX + "idempotency-key-reused").equals(type)) {
            return new IdempotencyKeyReusedException(409, type, title, detail, requestId, errors, null);
        }
        return new ConflictException(409, type, title, detail, requestId, errors, null);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP-date (RFC 9110 s10.2.3), or null. */
    public static Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : Json.MAPPER.readTree(body);
            return node == null || !node.isObject() ? Json.MAPPER.createObjectNode() : node;
        } catch (RuntimeException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
