package uk.gov.essex.mace.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.identity.HubAuthentication;
import uk.gov.essex.mace.system.ProblemWriter;
import uk.gov.essex.mace.system.Problems;

/**
 * Answers failed authentication (401, with the RFC 6750 {@code WWW-Authenticate} header) and
 * access denied by the filter chain (403) as problem+json, and records both in the audit trail.
 * The token itself never reaches the trail or the body.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final ProblemWriter problems;
    private final AuditTrail audit;

    ProblemAuthenticationEntryPoint(ProblemWriter problems, AuditTrail audit) {
        this.problems = problems;
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String reason = failure instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode()
                : "missing-token";
        audit.append(new AuditEvent(null, "auth.failed", List.of(), AuditEvent.Outcome.REJECTED,
                Map.of("reason", reason, "cause", FailureReasons.classify(failure), "path", request.getRequestURI())));
        bearer.commence(request, response, failure);
        problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "A valid bearer access token from a trusted issuer is required."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException denied) throws IOException {
        var who = request.getUserPrincipal() instanceof HubAuthentication auth ? auth.getPrincipal() : null;
        audit.append(new AuditEvent(who, "access.denied", List.of(), AuditEvent.Outcome.DENIED,
                Map.of("reason", "filter-chain", "path", request.getRequestURI())));
        problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You may not do this."));
    }
}
