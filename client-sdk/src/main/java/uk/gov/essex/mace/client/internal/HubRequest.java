package uk.gov.essex.mace.client.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;

/**
 * One call to the hub: method, path (with query), body, what to read back, how to retry and, for
 * a POST, the idempotency key every attempt carries.
 */
public record HubRequest<T>(String method, String path, Object body, JavaType responseType, Retry retry,
        String idempotencyKey) {

    public static <T> HubRequest<T> get(String path, Class<T> type) {
        return new HubRequest<>("GET", path, null, Json.MAPPER.constructType(type), Retry.SAFE, null);
    }

    public static <T> HubRequest<T> get(String path, TypeReference<T> type) {
        return new HubRequest<>("GET", path, null, Json.MAPPER.constructType(type.getType()), Retry.SAFE, null);
    }

    public static <T> HubRequest<T> post(String path, Object body, Class<T> type, Retry retry, String idempotencyKey) {
        return new HubRequest<>("POST", path, body, Json.MAPPER.constructType(type), retry, idempotencyKey);
    }

    public static <T> HubRequest<T> post(String path, Object body, TypeReference<T> type, Retry retry, String idempotencyKey) {
        return new HubRequest<>("POST", path, body, Json.MAPPER.constructType(type.getType()), retry, idempotencyKey);
    }

    public static <T> HubRequest<T> put(String path, Object body, Class<T> type) {
        return new HubRequest<>("PUT", path, body, Json.MAPPER.constructType(type), Retry.SAFE, null);
    }

    public static <T> HubRequest<T> delete(String path, Object body, Class<T> type) {
        return new HubRequest<>("DELETE", path, body, Json.MAPPER.constructType(type), Retry.SAFE, null);
    }

    public static HubRequest<Void> delete(String path) {
        return new HubRequest<>("DELETE", path, null, Json.MAPPER.constructType(Void.class), Retry.SAFE, null);
    }

    /** One path segment, percent-encoded (RFC 3986 unreserved characters pass). */
    public static String segment(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("an id in the path must not be null or empty");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code path?k=v&...}, leaving out null values. */
    public static String query(String path, Map<String, ?> params) {
        StringBuilder b = new StringBuilder(path);
        char sep = path.indexOf('?') < 0 ? '?' : '&';
        for (Map.Entry<String, ?> e : params.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            b.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8));
            sep = '&';
        }
        return b.toString();
    }

    /** A small ordered map for {@link #query}, allowing null values. */
    public static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
