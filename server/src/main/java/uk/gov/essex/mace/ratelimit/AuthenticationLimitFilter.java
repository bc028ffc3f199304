package uk.gov.essex.mace.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.gov.essex.mace.system.ProblemWriter;

/**
 * Limits sign-in ({@code POST /login}) and the token endpoint ({@code POST /oauth2/token}) before
 * any password or secret is checked: per address, per client, and the lockout of a name that has
 * failed too often from this address. Runs before the security filter chain, so a locked-out
 * guesser does not even get an answer about the password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AuthenticationLimitFilter extends OncePerRequestFilter {

    static final String LOGIN = "/login";
    static final String TOKEN = "/oauth2/token";

    private final RateLimits limits;
    private final ProblemWriter problems;

    AuthenticationLimitFilter(RateLimits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod()) || !(LOGIN.equals(path) || TOKEN.equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!limits.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        long wait;
        String lockKey;
        if (LOGIN.equals(request.getRequestURI())) {
            wait = limits.take(RateLimits.Kind.LOGIN_ADDRESS, address, null);
            String username = request.getParameter("username");
            lockKey = username == null ? null : LoginThrottle.userKey(username, address);
        } else {
            wait = limits.take(RateLimits.Kind.TOKEN_ADDRESS, address, null);
            String basicClient = basicUser(request.getHeader("Authorization"));
            String client = basicClient != null ? basicClient : request.getParameter("client_id");
            if (client != null) {
                // A public client is every person's: count it per address, not across everyone.
                String key = basicClient != null ? client : client + "|" + address;
                wait = Math.max(wait, limits.take(RateLimits.Kind.TOKEN_CLIENT, key, null));
            }
            lockKey = basicClient == null ? null : LoginThrottle.clientKey(basicClient, address);
        }
        if (wait > 0) {
            TooManyRequests.write(problems, response, wait, "Too many sign-in or token requests.");
            return;
        }
        long locked = lockKey == null ? 0 : limits.lockouts().lockedFor(lockKey);
        if (locked > 0) {
            TooManyRequests.write(problems, response, locked, "Too many failed attempts for this name from this address.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The user part of an HTTP Basic header, or null. */
    static String basicUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            return java.net.URLDecoder.decode(user, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
