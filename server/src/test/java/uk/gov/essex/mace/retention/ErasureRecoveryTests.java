package uk.gov.essex.mace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Erasure survives what goes wrong around it: an approved erasure interrupted part-way is finished
 * by the next evaluation, with the whole count and a tombstone; and a case the ledger lists that a
 * database restore brought back is erased again.
 */
class ErasureRecoveryTests extends RetentionHubTest {

    @Autowired
    RetentionSweep sweep;

    @Autowired
    ErasureLedger ledger;

    @Test
    void erasureInterruptedAfterApprovalThenFinishedByTheNextEvaluation() {
        clock.set(Instant.now());
        String caseId = openWithItem();
        closed(caseId);
        // As if the hub died right after the approval marked the review and the case document went.
        mongo.getCollection(RetentionReviews.COLLECTION).insertOne(new Document("_id", caseId).append("quadrant", "NORTH")
                .append("schedule", "case-closed-7y").append("closedAt", new Date()).append("closedOn", LocalDate.now().toString())
                .append("dueOn", LocalDate.now().toString()).append("status", "ERASING").append("evaluatedAt", new Date())
                .append("proposedBy", "admin").append("proposedAt", new Date()).append("approvedBy", "chair.north")
                .append("approvedAt", new Date()).append("erased", new Document("case", 1)));
        mongo.getCollection("cases").deleteOne(new Document("_id", caseId));

        EvaluationResponse result = sweep.run();

        assertThat(result.resumed()).isEqualTo(1);
        assertThat(mongo.getCollection("intel_items").countDocuments(new Document("caseId", caseId))).isZero();
        assertThat(mongo.getCollection(RetentionReviews.COLLECTION).countDocuments(new Document("_id", caseId))).isZero();
        assertThat(mongo.getCollection("case_keys").find(new Document("_id", caseId)).first().keySet())
                .containsExactlyInAnyOrder("_id", "destroyedAt");
        JsonNode tombstone = tombstones(caseId, "case.erased").get(0);
        assertThat(tombstone.get("details").get("erased:case").asString()).isEqualTo("1");
        assertThat(tombstone.get("details").get("erased:intel-items").asString()).isEqualTo("1");
        assertThat(tombstone.get("details").get("approvedBy").asString()).isEqualTo("chair.north");
        assertThat(ledger.caseIds()).contains(caseId);
    }

    @Test
    void caseInTheLedgerBackAfterARestoreThenErasedAgain() {
        clock.set(Instant.now());
        String caseId = openWithItem();
        Document caseDocument = mongo.getCollection("cases").find(new Document("_id", caseId)).first();
        Document key = mongo.getCollection("case_keys").find(new Document("_id", caseId)).first();
        List<Document> items = mongo.getCollection("intel_items").find(new Document("caseId", caseId)).into(new java.util.ArrayList<>());
        // Erased (ledger line, documents gone, key destroyed) ...
        ledger.record(caseId, Instant.now(), "case-closed-7y");
        mongo.getCollection("cases").deleteOne(new Document("_id", caseId));
        mongo.getCollection("intel_items").deleteMany(new Document("caseId", caseId));
        mongo.getCollection("case_keys").replaceOne(new Document("_id", caseId), new Document("_id", caseId).append("destroyedAt", new Date()));
        // ... then a database backup from before is restored.
        mongo.getCollection("cases").insertOne(caseDocument);
        mongo.getCollection("case_keys").replaceOne(new Document("_id", caseId), key);
        mongo.getCollection("intel_items").insertMany(items);
        assertThat(api.get(token("police.north"), "/api/cases/" + caseId).status()).isEqualTo(200);

        int replayed = sweep.replay();

        assertThat(replayed).isEqualTo(1);
        assertThat(api.get(token("police.north"), "/api/cases/" + caseId).status()).isEqualTo(404);
        assertThat(mongo.getCollection("intel_items").countDocuments(new Document("caseId", caseId))).isZero();
        assertThat(mongo.getCollection("case_keys").find(new Document("_id", caseId)).first().keySet())
                .containsExactlyInAnyOrder("_id", "destroyedAt");
        assertThat(tombstones(caseId, "case.erasure.replayed")).hasSize(1);
        assertThat(sweep.replay()).isZero();
    }

    private String openWithItem() {
        String caseId = api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").json()).json().get("id").asString();
        assertThat(api.post(token("police.north"), "/api/cases/" + caseId + "/intel", anItem().json()).status()).isEqualTo(201);
        return caseId;
    }

    private void closed(String caseId) {
        assertThat(api.post(token("coordinator.north"), "/api/cases/" + caseId + "/close", "{\"reason\":\"OTHER\"}").status())
                .isEqualTo(200);
    }

    private List<JsonNode> tombstones(String caseId, String action) {
        List<JsonNode> found = new java.util.ArrayList<>();
        api.get(token("auditor"), "/api/audit/entries?caseId=" + caseId + "&action=" + action).json().get("entries")
                .forEach(found::add);
        return found;
    }
}
