package uk.gov.essex.mace.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.alerts.MaceScenario.THREE_IN_28_DAYS;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Exactly one alert per case, reason and entry, however evaluations race: two threads evaluating
 * one case at the same moment (as two instances would), and re-evaluations after the alert exists.
 * Uniqueness comes from the store (compare-and-set and insert-if-absent), not from timing.
 */
class AlertConcurrencyTests extends HubIntegrationTest {

    @Autowired
    CriteriaEvaluator evaluator;

    @Autowired
    CriteriaSweep sweep;

    private long alertDocuments(String caseId) {
        return mongo.getCollection("alerts").countDocuments(new Document("caseId", caseId));
    }

    private long raisedAudits(String alertId) {
        return mongo.getCollection("audit_entries").countDocuments(
                new Document("action", "alert.raised").append("targets", alertId));
    }

    /** Runs {@code task} on two threads released together; returns both results. */
    private static <T> List<T> twice(Supplier<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return task.get();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenSameEvaluationRunsTwiceConcurrentlyThenOneAlert() throws Exception {
        MaceScenario mace = new MaceScenario(api, tokens);
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS);
        String alertId = caseId + ":MISSING_EPISODES:1";

        for (int round = 0; round < 10; round++) {
            // As if the write were stored but not yet evaluated: no standing, no alert.
            mongo.getCollection("mace_status").deleteOne(new Document("_id", caseId));
            mongo.getCollection("alerts").deleteOne(new Document("_id", alertId));
            long audits = raisedAudits(alertId);

            List<CriteriaEvaluator.Outcome> outcomes = twice(() ->
                    evaluator.evaluate(caseId, new Trigger(null, "concurrency-test")));

            assertThat(alertDocuments(caseId)).as("round " + round).isEqualTo(1);
            assertThat(outcomes.stream().mapToInt(CriteriaEvaluator.Outcome::raised).sum()).isEqualTo(1);
            assertThat(raisedAudits(alertId)).isEqualTo(audits + 1);
        }
    }

    @Test
    void whenReEvaluatedAfterAlertExistsThenNoDuplicate() throws Exception {
        MaceScenario mace = new MaceScenario(api, tokens);
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS);
        String alertId = caseId + ":MISSING_EPISODES:1";
        long audits = raisedAudits(alertId);

        evaluator.evaluate(caseId, new Trigger(null, "retry"));
        sweep.run(new Trigger(null, "re-evaluation"));
        twice(() -> sweep.run(new Trigger(null, "re-evaluation")));

        assertThat(alertDocuments(caseId)).isEqualTo(1);
        assertThat(raisedAudits(alertId)).isEqualTo(audits);
    }

    @Test
    void whenStandingLostThenSweepRestoresItWithoutNewAlert() {
        MaceScenario mace = new MaceScenario(api, tokens);
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS);
        mongo.getCollection("mace_status").deleteOne(new Document("_id", caseId));

        sweep.run(new Trigger(null, "re-evaluation"));

        assertThat(mongo.getCollection("mace_status").countDocuments(new Document("_id", caseId))).isEqualTo(1);
        assertThat(alertDocuments(caseId)).isEqualTo(1);
    }
}
