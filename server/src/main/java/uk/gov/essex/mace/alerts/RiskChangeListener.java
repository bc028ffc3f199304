package uk.gov.essex.mace.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.risk.RiskRecordChanged;

/**
 * Evaluates the one case whose risk records changed, in the writer's thread, so the alert is on
 * its way before the write's response. A failure here must not fail the write (already stored and
 * audited): it is logged, and the next full re-evaluation catches the case up.
 */
@Component
class RiskChangeListener {

    private static final Logger log = LoggerFactory.getLogger(RiskChangeListener.class);

    private final CriteriaEvaluator evaluator;

    RiskChangeListener(CriteriaEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @EventListener
    void on(RiskRecordChanged change) {
        try {
            evaluator.evaluate(change.caseId(), new Trigger(change.actor(), change.kind()));
        } catch (RuntimeException e) {
            log.error("MACE criteria evaluation of case {} failed; the next re-evaluation retries it",
                    change.caseId(), e);
        }
    }
}
