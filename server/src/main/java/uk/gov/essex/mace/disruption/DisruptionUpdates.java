package uk.gov.essex.mace.disruption;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.redaction.Marking;

/**
 * The {@code disruption_updates} collection, written by hand so that it is exact: dates as ISO
 * strings (they compare in order and no time zone can shift them), instants as BSON dates.
 * Updates are only ever inserted (and removed again if their audit entry cannot be written), and
 * removed a quadrant-month at a time when their retention schedule has run out and the erasure was approved.
 */
@Component
class DisruptionUpdates implements DisruptionErasure {

    static final String COLLECTION = "disruption_updates";

    private final MongoTemplate mongo;

    DisruptionUpdates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void insert(StoredDisruption d) {
        mongo.insert(write(d), COLLECTION);
    }

    void delete(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    Optional<StoredDisruption> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(DisruptionUpdates::read);
    }

    /** Updates matching {@code filter} with {@code seq < before}, newest first. */
    List<StoredDisruption> page(Filter filter, long before, int limit) {
        Criteria criteria = Criteria.where("quadrant").in(filter.quadrants().stream().map(Enum::name).toList())
                .and("seq").lt(before);
        if (filter.district() != null) {
            criteria = criteria.and("district").is(filter.district());
        }
        if (filter.type() != null) {
            criteria = criteria.and("type").is(filter.type().name());
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria date = criteria.and("date");
            if (filter.from() != null) {
                date = date.gte(filter.from().toString());
            }
            if (filter.to() != null) {
                date = date.lte(filter.to().toString());
            }
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "seq")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(DisruptionUpdates::read).toList();
    }

    /** Every update linked to the case, newest first. */
    List<StoredDisruption> linkedTo(String caseId) {
        Query query = Query.query(Criteria.where("linkedCaseIds").is(caseId)).with(Sort.by(Sort.Direction.DESC, "seq"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(DisruptionUpdates::read).toList();
    }

    @Override
    public int eraseCase(String caseId) {
        return (int) mongo.updateMulti(Query.query(Criteria.where("linkedCaseIds").is(caseId)),
                new Update().pull("linkedCaseIds", caseId), COLLECTION).getModifiedCount();
    }

    @Override
    public List<Month> monthsBefore(LocalDate before) {
        Map<String, List<Document>> byScope = new TreeMap<>();
        Document filter = new Document("date", new Document("$lt", before.toString()));
        Document fields = new Document("keyScope", 1).append("linkedCaseIds", 1);
        mongo.getCollection(COLLECTION).find(filter).projection(fields)
                .forEach(d -> byScope.computeIfAbsent(d.getString("keyScope"), k -> new ArrayList<>()).add(d));
        List<Month> months = new ArrayList<>();
        byScope.forEach((scope, docs) -> MonthScope.parse(scope).ifPresent(s -> months.add(month(s, docs))));
        months.sort(Comparator.comparing((Month m) -> m.scope().month()).thenComparing(m -> m.scope().quadrant()));
        return months;
    }

    @Override
    public Optional<Month> month(MonthScope scope) {
        List<Document> docs = new ArrayList<>();
        mongo.getCollection(COLLECTION).find(new Document("keyScope", scope.keyScope()))
                .projection(new Document("linkedCaseIds", 1)).forEach(docs::add);
        return docs.isEmpty() ? Optional.empty() : Optional.of(month(scope, docs));
    }

    @Override
    public Set<MonthScope> monthsLinkedTo(String caseId) {
        Set<MonthScope> scopes = new TreeSet<>(Comparator.comparing(MonthScope::keyScope));
        mongo.getCollection(COLLECTION).find(new Document("linkedCaseIds", caseId)).projection(new Document("keyScope", 1))
                .forEach(d -> MonthScope.parse(d.getString("keyScope")).ifPresent(scopes::add));
        return scopes;
    }

    @Override
    public int eraseMonth(MonthScope scope) {
        return (int) mongo.remove(Query.query(Criteria.where("keyScope").is(scope.keyScope())), COLLECTION)
                .getDeletedCount();
    }

    private static Month month(MonthScope scope, List<Document> docs) {
        Set<String> linked = new TreeSet<>();
        docs.forEach(d -> linked.addAll(d.getList("linkedCaseIds", String.class, List.of())));
        return new Month(scope, docs.size(), linked);
    }

    /** An update's counting facts and its sealed place: what aggregation reads, and nothing else. */
    record Dated(String id, DisruptionType type, String district, Quadrant quadrant, LocalDate date, String keyScope,
            String label, byte[] placeSealed) {}

    /** Streams the updates about places in {@code quadrants} dated within {@code [from, to]}, reading only those fields. */
    void forEachDated(Collection<Quadrant> quadrants, LocalDate from, LocalDate to, Consumer<Dated> consumer) {
        Document filter = new Document("quadrant", new Document("$in", quadrants.stream().map(Enum::name).toList()))
                .append("date", new Document("$gte", from.toString()).append("$lte", to.toString()));
        Document fields = new Document("type", 1).append("district", 1).append("quadrant", 1).append("date", 1)
                .append("keyScope", 1).append("label", 1).append("placeSealed", 1);
        mongo.getCollection(COLLECTION).find(filter).projection(fields).forEach(d -> consumer.accept(new Dated(
                d.getString("_id"), DisruptionType.valueOf(d.getString("type")), d.getString("district"),
                Quadrant.valueOf(d.getString("quadrant")), LocalDate.parse(d.getString("date")), d.getString("keyScope"),
                d.getString("label"), bytes(d, "placeSealed"))));
    }

    /** What a list may be narrowed to: {@code quadrants} always, the rest when not null. */
    record Filter(Collection<Quadrant> quadrants, String district, DisruptionType type, LocalDate from, LocalDate to) {}

    private static Document write(StoredDisruption d) {
        return new Document("_id", d.id()).append("seq", d.seq()).append("type", d.type().name())
                .append("district", d.district()).append("quadrant", d.quadrant().name())
                .append("date", d.date().toString()).append("keyScope", d.keyScope())
                .append("owningAgency", d.owningAgency()).append("author", d.author()).append("label", d.label())
                .append("marking", d.marking().name()).append("postedAt", Date.from(d.postedAt()))
                .append("linkedCaseIds", d.linkedCaseIds()).append("placeSealed", binary(d.placeSealed()))
                .append("outcomeSealed", binary(d.outcomeSealed())).append("textSealed", binary(d.textSealed()));
    }

    private static StoredDisruption read(Document d) {
        return new StoredDisruption(d.getString("_id"), ((Number) d.get("seq")).longValue(),
                DisruptionType.valueOf(d.getString("type")), d.getString("district"),
                Quadrant.valueOf(d.getString("quadrant")), LocalDate.parse(d.getString("date")), d.getString("keyScope"),
                d.getString("owningAgency"), d.getString("author"), d.getString("label"),
                Marking.valueOf(d.getString("marking")), d.getDate("postedAt").toInstant(),
                new ArrayList<>(d.getList("linkedCaseIds", String.class, List.of())),
                bytes(d, "placeSealed"), bytes(d, "outcomeSealed"), bytes(d, "textSealed"));
    }

    private static Binary binary(byte[] value) {
        return value == null ? null : new Binary(value);
    }

    private static byte[] bytes(Document d, String key) {
        return d.get(key) instanceof Binary b ? b.getData() : null;
    }
}
