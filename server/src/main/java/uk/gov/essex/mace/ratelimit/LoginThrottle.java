package uk.gov.essex.mace.ratelimit;

import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.system.RequestContext;

/**
 * Counts failed sign-ins and client authentications per name and address and locks the name out
 * from that address once they pass the threshold (audited as {@code login.locked}); a success
 * clears the count. The lockout itself is enforced by {@link AuthenticationLimitFilter}.
 */
@Component
class LoginThrottle {

    private final RateLimits limits;
    private final AuditTrail audit;

    LoginThrottle(RateLimits limits, AuditTrail audit) {
        this.limits = limits;
        this.audit = audit;
    }

    static String userKey(String username, String address) {
        return "user:" + username + "|" + address;
    }

    static String clientKey(String clientId, String address) {
        return "client:" + clientId + "|" + address;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (!limits.enabled()) {
            return;
        }
        Authentication attempt = event.getAuthentication();
        String name = attempt.getName();
        String address = address();
        long lock = limits.lockouts().failed(key(attempt, name, address));
        if (lock > 0) {
            audit.append(new AuditEvent(null, "login.locked", List.of(name), AuditEvent.Outcome.REJECTED,
                    Map.of("lockSeconds", Long.toString(RateLimits.seconds(lock)), "sourceAddress", address,
                            "kind", attempt instanceof UsernamePasswordAuthenticationToken ? "user" : "client")));
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        Authentication done = event.getAuthentication();
        limits.lockouts().succeeded(key(done, done.getName(), address()));
    }

    private static String key(Authentication attempt, String name, String address) {
        return attempt instanceof UsernamePasswordAuthenticationToken ? userKey(name, address) : clientKey(name, address);
    }

    private static String address() {
        String address = RequestContext.sourceAddress();
        return address == null ? "unknown" : address;
    }
}
