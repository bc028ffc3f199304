package uk.gov.essex.mace.cases;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.policy.CaseFacts;

/** The {@code cases} collection. Every change is a single-document atomic update. */
@Component
class Cases {

    private static final String QUADRANT = "quadrant";
    private static final String MEMBER_AGENCIES = "memberAgencies";

    private final MongoTemplate mongo;

    Cases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void insert(StoredCase stored) {
        mongo.insert(stored);
    }

    /** Removes the case document; true when there was one. */
    boolean delete(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), StoredCase.class).getDeletedCount() > 0;
    }

    List<StoredCase> byChildIndex(String childIndex) {
        return mongo.find(Query.query(Criteria.where("childIndex").is(childIndex)), StoredCase.class);
    }

    Optional<StoredCase> find(String id) {
        return Optional.ofNullable(mongo.findById(id, StoredCase.class));
    }

    /**
     * What the policy decides on, read on its own: the two fields it needs, by {@code _id}, without
     * mapping the whole case (sealed name and date of birth, sharing bases). Every share and every
     * live delivery asks this; the full read and its mapping were an eighth of a share's CPU.
     */
    Optional<CaseFacts> facts(String id) {
        Document found = mongo.getCollection(mongo.getCollectionName(StoredCase.class))
                .find(Filters.eq("_id", id))
                .projection(Projections.include(QUADRANT, MEMBER_AGENCIES))
                .first();
        return found == null ? Optional.empty()
                : Optional.of(new CaseFacts(id, Quadrant.valueOf(found.getString(QUADRANT)),
                        Set.copyOf(found.getList(MEMBER_AGENCIES, String.class))));
    }

    /** Every closed case. */
    List<StoredCase> closed() {
        return mongo.find(Query.query(Criteria.where("status").is(CaseStatus.CLOSED.name())), StoredCase.class);
    }

    /** Cases where one of {@code agencies} is a member or whose quadrant is one of {@code quadrants}. */
    List<StoredCase> visibleTo(String agency, Collection<Quadrant> quadrants, int page, int size) {
        Criteria criteria = new Criteria().orOperator(
                Criteria.where("memberAgencies").is(agency),
                Criteria.where("quadrant").in(quadrants));
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "openedAt").and(Sort.by("_id")))
                .skip((long) page * size)
                .limit(size + 1);
        return mongo.find(query, StoredCase.class);
    }

    /** The outline of every case in {@code quadrants}: routing fields only, the sealed identity is not even read. */
    List<CaseOutline> outlines(Collection<Quadrant> quadrants) {
        Document filter = new Document("quadrant", new Document("$in", quadrants.stream().map(Enum::name).toList()));
        Document fields = new Document("quadrant", 1).append("district", 1).append("exploitationType", 1);
        List<CaseOutline> outlines = new ArrayList<>();
        mongo.getCollection(mongo.getCollectionName(StoredCase.class)).find(filter).projection(fields)
                .forEach(d -> outlines.add(new CaseOutline(d.getString("_id"), Quadrant.valueOf(d.getString("quadrant")),
                        d.getString("district"), ExploitationType.valueOf(d.getString("exploitationType")))));
        return outlines;
    }

    /**
     * Adds a member agency with the basis it shares under; empty if the case does not exist or
     * the agency is a member already (then nothing is changed, its basis included).
     */
    Optional<StoredCase> addMember(String id, String agency, SharingBasis basis) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and(MEMBER_AGENCIES).ne(agency)),
                new Update().addToSet("memberAgencies", agency).set(basisField(agency), basis),
                FindAndModifyOptions.options().returnNew(true),
                StoredCase.class));
    }

    /** Removes a member agency unless it is the last one; empty if it is, or is not a member (any more). */
    Optional<StoredCase> removeMember(String id, String agency) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and(MEMBER_AGENCIES).is(agency).and("memberAgencies.1").exists(true)),
                new Update().pull("memberAgencies", agency).unset(basisField(agency)),
                FindAndModifyOptions.options().returnNew(true),
                StoredCase.class));
    }

    /**
     * Undoes {@code applied}, this hub's addition of {@code agency} whose audit entry could not be
     * made durable: takes that agency and its basis out again, only while the members are still
     * those the addition left (a change since stands). Returns whether it was undone.
     */
    boolean undoAddMember(String id, String agency, StoredCase applied) {
        return mongo.updateFirst(asApplied(id, applied), new Update().pull(MEMBER_AGENCIES, agency).unset(basisField(agency)),
                StoredCase.class).getMatchedCount() > 0;
    }

    /**
     * Undoes {@code applied}, this hub's removal of {@code agency} whose audit entry could not be
     * made durable: puts that agency back with {@code basis}, only while the members are still
     * those the removal left. Only that agency comes back: one removed by someone else, since or
     * between the case's read and the removal, stays out. Returns whether it was undone.
     */
    boolean undoRemoveMember(String id, String agency, SharingBasis basis, StoredCase applied) {
        Update update = new Update().addToSet(MEMBER_AGENCIES, agency);
        update = basis == null ? update.unset(basisField(agency)) : update.set(basisField(agency), basis);
        return mongo.updateFirst(asApplied(id, applied), update, StoredCase.class).getMatchedCount() > 0;
    }

    private static Query asApplied(String id, StoredCase applied) {
        return Query.query(Criteria.where("_id").is(id).and(MEMBER_AGENCIES).is(applied.memberAgencies()));
    }

    /** Closes an open case; empty when it does not exist or is already closed. */
    Optional<StoredCase> close(String id, Instant at, String by, ClosureReason reason) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("status").is(CaseStatus.OPEN.name())),
                new Update().set("status", CaseStatus.CLOSED.name()).set("closedAt", at).set("closedBy", by)
                        .set("closureReason", reason.name()),
                FindAndModifyOptions.options().returnNew(true),
                StoredCase.class));
    }

    /**
     * Reopens the case closed at {@code closedAt}; empty when it does not exist, is open, or was
     * closed again since (so an undo of the reopening puts back the closure it reopened).
     */
    Optional<StoredCase> reopen(String id, Instant closedAt) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("status").is(CaseStatus.CLOSED.name()).and("closedAt").is(closedAt)),
                new Update().set("status", CaseStatus.OPEN.name()).unset("closedAt").unset("closedBy").unset("closureReason"),
                FindAndModifyOptions.options().returnNew(true),
                StoredCase.class));
    }

    /**
     * Puts back the status fields of {@code before}, undoing a change whose audit entry could not
     * be made durable, but only while the status is still the one that change set ({@code applied},
     * closed at the same moment or not closed): a close or reopen since stands.
     * Returns whether it was put back.
     */
    boolean restoreStatus(StoredCase before, StoredCase applied) {
        Update update = new Update().set("status", before.status().name());
        update = before.closedAt() == null
                ? update.unset("closedAt").unset("closedBy").unset("closureReason")
                : update.set("closedAt", before.closedAt()).set("closedBy", before.closedBy())
                        .set("closureReason", before.closureReason().name());
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(before.id()).and("status").is(applied.status().name())
                .and("closedAt").is(applied.closedAt())), update, StoredCase.class).getMatchedCount() > 0;
    }

    /** Agency ids come from configuration; one that could address another field is refused outright. */
    private static String basisField(String agency) {
        if (agency.contains(".") || agency.startsWith("$")) {
            throw new IllegalArgumentException("agency id cannot be used as a field name");
        }
        return "sharingBases." + agency;
    }
}
