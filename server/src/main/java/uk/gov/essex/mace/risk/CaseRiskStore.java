package uk.gov.essex.mace.risk;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
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

    private final MongoTemplate mongo;

    CaseRiskStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<CaseRiskRecord> find(String caseId) {
        Document d = mongo.findById(caseId, Document.class, COLLECTION);
        return Optional.ofNullable(d).map(CaseRiskDocuments::read);
    }

    /**
     * Applies {@code change} to the case's current records and stores the result as the next
     * version. {@code change} may run more than once (on contention) and may throw to refuse.
     */
    CaseRiskRecord update(String caseId, UnaryOperator<CaseRiskRecord> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            CaseRiskRecord before = find(caseId).orElseGet(() -> CaseRiskRecord.empty(caseId));
            CaseRiskRecord after = change.apply(before).withVersion(before.version() + 1);
            Document written = CaseRiskDocuments.write(after);
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

    void forEach(Consumer<CaseRiskRecord> consumer) {
        mongo.getCollection(COLLECTION).find().forEach(d -> consumer.accept(CaseRiskDocuments.read(d)));
    }

    /** The records of each of {@code caseIds} that has any. */
    void forEach(Collection<String> caseIds, Consumer<CaseRiskRecord> consumer) {
        // Matched here rather than with $in, which the embedded store evaluates slowly for many ids.
        Set<String> wanted = Set.copyOf(caseIds);
        mongo.getCollection(COLLECTION).find().forEach(d -> {
            if (wanted.contains(d.getString("_id"))) {
                consumer.accept(CaseRiskDocuments.read(d));
            }
        });
    }
}
