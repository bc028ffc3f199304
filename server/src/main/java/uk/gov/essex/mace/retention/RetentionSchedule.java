package uk.gov.essex.mace.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.cluster.SingletonWork;

/**
 * Runs the evaluation on {@code hub.retention.evaluation-cron} (on the instance holding the cluster
 * lease only), and replays the erasure ledger once
 * the hub is up (a database restored from a backup is brought back in line before anyone reads it).
 * Not in one-shot operator commands ({@code hub.command}), which leave the database as they found it.
 */
@Component
@ConditionalOnExpression("'${hub.command:}'.isEmpty()")
class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final RetentionSweep sweep;
    private final SingletonWork once;

    RetentionSchedule(RetentionSweep sweep, SingletonWork once) {
        this.sweep = sweep;
        this.once = once;
    }

    @Scheduled(cron = "${hub.retention.evaluation-cron:" + RetentionProperties.EVALUATION_CRON + "}", zone = "Europe/London")
    void evaluate() {
        once.runIfHolder("retention evaluation", () -> log.info("Retention evaluation: {}", sweep.run()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void replayLedger() {
        int replayed = sweep.replay();
        if (replayed > 0) {
            log.warn("Erasure ledger replayed at start-up: {} erased case(s) were back in the database and were erased again",
                    replayed);
        }
    }
}
