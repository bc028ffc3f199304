package uk.gov.essex.mace.risk;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.CaseKeyDestroyedException;
import uk.gov.essex.mace.system.ConflictProblem;

/**
 * The {@code case_risk} collection: one document per case. Changes are compare-and-set on
 * {@code version} (the store has no transactions, but a single-document update is atomic), retried
 * when another writer got there first.
 */
@Component
class CaseRiskStore {

    static final String COLLECTION = "case_risk";
    private static final int ATTEMPTS = 20;
    private static final Logger log = LoggerFactory.getLogger(CaseRiskStore.class);

    private final MongoTemplate mongo;
    private final CaseRiskDocuments documents;

    CaseRiskStore(MongoTemplate mongo, CaseRiskDocuments documents) {
        this.documents = documents;
        this.mongo = mongo;
    }

    Optional<CaseRiskRecord> find(String caseId) {
        Document d = mongo.findById(caseId, Document.class, COLLECTION);
        return Optional.ofNullable(d).map(documents::read);
    }

    /**
     * Applies {@code change} to the case's current records and stores the result as the next
     * version. {@code change} may run more than once (on contention) and may throw to refuse.
     */
    CaseRiskRecord update(String caseId, UnaryOperator<CaseRiskRecord> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            CaseRiskRecord before = find(caseId).orElseGet(() -> CaseRiskRecord.empty(caseId));
            CaseRiskRecord after = change.apply(before).withVersion(before.version() + 1);
            Document written = documents.write(after);
            if (before.version() == 0) {
                try {
                    mongo.insert(written, COLLECTION);
                    return after;
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            Update update = new Update();
            written.forEach((key, value) -> {
                if (!"_id".equals(key)) {
                    update.set(key, value);
                }
            });
            Query sameVersion = Query.query(Criteria.where("_id").is(caseId).and("version").is(before.version()));
            if (mongo.findAndModify(sameVersion, update, FindAndModifyOptions.options().returnNew(true),
                    Document.class, COLLECTION) != null) {
                return after;
            }
        }
        throw new ConflictProblem("busy", "The case's risk records are being changed by others; try again.");
    }

    /** Deletes the case's risk document; returns the records it held (assessments, episodes, indicators). */
    int delete(String caseId) {
        // counted without opening anything: the case's data key is already destroyed by then
        Document removed = mongo.findAndRemove(Query.query(Criteria.where("_id").is(caseId)), Document.class, COLLECTION);
        return removed == null ? 0 : CaseRiskDocuments.records(removed);
    }

    void forEach(Consumer<CaseRiskRecord> consumer) {
        mongo.getCollection(COLLECTION).find().forEach(d -> {
            CaseRiskRecord record;
            try {
                record = documents.read(d);
            } catch (CaseKeyDestroyedException erased) {
                // the case is being erased (its key is gone, its records about to be): nothing to evaluate
                log.info("Skipping the risk records of case {}: the case is being erased", erased.caseId());
                return;
            }
            consumer.accept(record);
        });
    }

    /** The records of each of {@code caseIds} that has any. */
    void forEach(Collection<String> caseIds, Consumer<CaseRiskRecord> consumer) {
        // Matched here rather than with $in, which the embedded store evaluates slowly for many ids.
        Set<String> wanted = Set.copyOf(caseIds);
        mongo.getCollection(COLLECTION).find().forEach(d -> {
            if (wanted.contains(d.getString("_id"))) {
                consumer.accept(documents.read(d));
            }
        });
    }
}
