package uk.gov.essex.mace.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.partnership.Quadrant;

/** The {@code cases} collection. Every change is a single-document atomic update. */
@Component
class Cases {

    private final MongoTemplate mongo;

    Cases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void insert(StoredCase stored) {
        mongo.insert(stored);
    }

    void delete(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), StoredCase.class);
    }

    List<StoredCase> byChildIndex(String childIndex) {
        return mongo.find(Query.query(Criteria.where("childIndex").is(childIndex)), StoredCase.class);
    }

    Optional<StoredCase> find(String id) {
        return Optional.ofNullable(mongo.findById(id, StoredCase.class));
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

    /** Adds a member agency; empty if the case does not exist. */
    Optional<StoredCase> addMember(String id, String agency) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id)),
                new Update().addToSet("memberAgencies", agency),
                FindAndModifyOptions.options().returnNew(true),
                StoredCase.class));
    }

    /** Removes a member agency unless it is the last one; empty if that would leave none. */
    Optional<StoredCase> removeMember(String id, String agency) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("memberAgencies.1").exists(true)),
                new Update().pull("memberAgencies", agency),
                FindAndModifyOptions.options().returnNew(true),
                StoredCase.class));
    }

    /** Restores the member list exactly (used to undo a change whose audit entry failed). */
    void restoreMembers(String id, List<String> members) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("memberAgencies", members), StoredCase.class);
    }
}
