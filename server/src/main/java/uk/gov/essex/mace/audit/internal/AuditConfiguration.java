package uk.gov.essex.mace.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Starts the audit trail's background work: query indexes once the hub is up, and a signed tree
 * head every {@code hub.audit.tree-head-interval} while entries keep arriving. Not in one-shot
 * commands ({@code hub.command} set), which must leave the trail as they found it.
 *
 * <p>Every hub process runs the schedule; that is safe (one head per size, the database decides
 * which process stores it) but wasteful, so it is a candidate for a cluster lease.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnExpression("'${hub.command:}'.isEmpty() and ${hub.audit.sign-on-schedule:true}")
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    private final AuditEntries entries;
    private final AuditProofs proofs;

    AuditConfiguration(AuditEntries entries, AuditProofs proofs) {
        this.entries = entries;
        this.proofs = proofs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        try {
            entries.ensureIndexes();
        } catch (RuntimeException e) {
            log.warn("Could not create audit query indexes; queries will scan", e);
        }
    }

    @Scheduled(
            initialDelayString = "${hub.audit.tree-head-interval:10s}",
            fixedDelayString = "${hub.audit.tree-head-interval:10s}")
    void signTreeHeadIfGrown() {
        try {
            proofs.signTreeHead();
        } catch (RuntimeException e) {
            log.error("Could not sign an audit tree head", e);
        }
    }
}
