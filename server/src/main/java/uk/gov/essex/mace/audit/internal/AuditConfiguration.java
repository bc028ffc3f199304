package uk.gov.essex.mace.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import uk.gov.essex.mace.cluster.SingletonWork;

/**
 * Starts the audit trail's background work: query indexes once the hub is up, and a signed tree
 * head every {@code hub.audit.tree-head-interval} while entries keep arriving. Not in one-shot
 * commands ({@code hub.command} set), which must leave the trail as they found it.
 *
 * <p>Only the instance holding the cluster lease ({@link SingletonWork}) signs on the schedule. It
 * would be safe everywhere (one head per size, the database decides which process stores it), just
 * wasteful; an on-demand signing on any instance stays safe for the same reason.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnExpression("'${hub.command:}'.isEmpty() and ${hub.audit.sign-on-schedule:true}")
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    private final AuditEntries entries;
    private final AuditProofs proofs;
    private final SingletonWork once;

    AuditConfiguration(AuditEntries entries, AuditProofs proofs, SingletonWork once) {
        this.entries = entries;
        this.proofs = proofs;
        this.once = once;
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
            once.runIfHolder("tree-head signing", proofs::signTreeHead);
        } catch (RuntimeException e) {
            log.error("Could not sign an audit tree head", e);
        }
    }
}
