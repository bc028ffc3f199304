package uk.gov.essex.mace.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.gov.essex.mace.identity.HubAuthentication;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.system.ProblemWriter;

/**
 * Limits writes to the API per person and per partner system. Runs inside the security filter
 * chain's request (Spring Security's filter is registered at order -100), so the caller is known;
 * an unauthenticated write has already been answered 401.
 */
@Component
@Order(-90)
class WriteLimitFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RateLimits limits;
    private final ProblemWriter problems;

    WriteLimitFilter(RateLimits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (limits.enabled() && SecurityContextHolder.getContext().getAuthentication() instanceof HubAuthentication auth) {
            HubPrincipal who = auth.getPrincipal();
            boolean machine = who.subject().equals(who.clientId());
            long wait = machine
                    ? limits.take(RateLimits.Kind.WRITE_CLIENT, "client:" + who.issuer() + "|" + who.clientId(), who)
                    : limits.take(RateLimits.Kind.WRITE_USER, "user:" + who.issuer() + "|" + who.subject(), who);
            if (wait > 0) {
                TooManyRequests.write(problems, response, wait, "Too many changes in a short time.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
