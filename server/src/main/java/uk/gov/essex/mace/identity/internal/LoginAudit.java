package uk.gov.essex.mace.identity.internal;

import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;

/** Records failed password logins and client authentications in the audit trail. */
@Component
class LoginAudit {

    private final AuditTrail audit;

    LoginAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        audit.append(new AuditEvent(null, "login.failed", List.of(event.getAuthentication().getName()),
                AuditEvent.Outcome.REJECTED, Map.of("reason", event.getClass().getSimpleName())));
    }
}
