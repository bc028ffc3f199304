package uk.gov.essex.mace.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Maps entries to and from their {@code audit_entries} documents. Reading is strict: an unknown
 * field, a missing one or a wrong type is an edit, because a lenient reader would let an
 * administrator add meaning to an entry without changing its hash.
 */
public final class EntryDocuments {

    static final String ID = "_id";
    static final String SEQ = "seq";
    static final String TIME = "time";
    static final String ACTOR = "actor";
    static final String ACTION = "action";
    static final String TARGETS = "targets";
    static final String OUTCOME = "outcome";
    static final String REQUEST_ID = "requestId";
    static final String SOURCE = "sourceAddress";
    static final String DETAILS = "details";
    static final String LEAF_HASH = "leafHash";
    static final String SEAL = "seal";

    private static final List<String> FIELDS =
            List.of(ID, SEQ, TIME, ACTOR, ACTION, TARGETS, OUTCOME, REQUEST_ID, SOURCE, DETAILS, LEAF_HASH, SEAL);
    private static final List<String> ACTOR_FIELDS = List.of("subject", "agency", "roles", "clientId");

    private EntryDocuments() {}

    static Document toDocument(AuditEntry entry, byte[] leafHash, byte[] seal) {
        Document doc = new Document(ID, entry.seq()).append(SEQ, entry.seq()).append(TIME, Date.from(entry.time()));
        if (entry.actor() != null) {
            AuditEntry.Actor actor = entry.actor();
            doc.append(ACTOR, new Document("subject", actor.subject())
                    .append("agency", actor.agency())
                    .append("roles", actor.roles())
                    .append("clientId", actor.clientId()));
        }
        return doc.append(ACTION, entry.action())
                .append(TARGETS, entry.targets())
                .append(OUTCOME, entry.outcome())
                .append(REQUEST_ID, entry.requestId())
                .append(SOURCE, entry.sourceAddress())
                .append(DETAILS, details(entry.details()))
                .append(LEAF_HASH, new Binary(leafHash))
                .append(SEAL, new Binary(seal));
    }

    private static Document details(Map<String, String> details) {
        Document doc = new Document();
        details.forEach(doc::append);
        return doc;
    }

    /** Reads an entry back, refusing anything that could not have been written by {@link #toDocument}. */
    public static AuditEntry fromDocument(Document doc) {
        requireOnlyKnownFields(doc, FIELDS);
        Document actorDoc = optional(doc, ACTOR, Document.class);
        AuditEntry.Actor actor = null;
        if (actorDoc != null) {
            requireOnlyKnownFields(actorDoc, ACTOR_FIELDS);
            actor = new AuditEntry.Actor(
                    optional(actorDoc, "subject", String.class),
                    optional(actorDoc, "agency", String.class),
                    strings(required(actorDoc, "roles", List.class)),
                    optional(actorDoc, "clientId", String.class));
        }
        TreeMap<String, String> details = new TreeMap<>();
        for (Map.Entry<String, Object> detail : required(doc, DETAILS, Document.class).entrySet()) {
            if (!(detail.getValue() instanceof String value)) {
                throw new MalformedEntry("detail " + detail.getKey() + " is not a string");
            }
            details.put(detail.getKey(), value);
        }
        return new AuditEntry(
                integral(doc, SEQ),
                Instant.ofEpochMilli(required(doc, TIME, Date.class).getTime()),
                actor,
                required(doc, ACTION, String.class),
                strings(required(doc, TARGETS, List.class)),
                required(doc, OUTCOME, String.class),
                optional(doc, REQUEST_ID, String.class),
                optional(doc, SOURCE, String.class),
                details);
    }

    /**
     * Counts the known fields present rather than hashing every stored key: the decoded keys are
     * fresh strings whose hash codes would be computed again for each of a million documents.
     */
    private static void requireOnlyKnownFields(Document doc, List<String> known) {
        int present = 0;
        for (String key : known) {
            if (doc.containsKey(key)) {
                present++;
            }
        }
        if (present != doc.size()) {
            throw new MalformedEntry("unknown field among " + doc.keySet());
        }
    }

    static long integral(Document doc, String key) {
        Object value = doc.get(key);
        if (value instanceof Long number) {
            return number;
        }
        if (value instanceof Integer number) {
            return number;
        }
        throw new MalformedEntry(key + " is not an integer");
    }

    static byte[] hash(Document doc, String key) {
        byte[] hash = required(doc, key, Binary.class).getData();
        if (hash.length != MerkleHashes.SIZE) {
            throw new MalformedEntry(key + " is not 32 bytes");
        }
        return hash;
    }

    private static List<String> strings(List<?> values) {
        List<String> strings = new ArrayList<>(values.size());
        for (Object value : values) {
            if (!(value instanceof String text)) {
                throw new MalformedEntry("list item is not a string");
            }
            strings.add(text);
        }
        return strings;
    }

    private static <T> T required(Document doc, String key, Class<T> type) {
        T value = optional(doc, key, type);
        if (value == null) {
            throw new MalformedEntry("missing " + key);
        }
        return value;
    }

    private static <T> T optional(Document doc, String key, Class<T> type) {
        Object value = doc.get(key);
        if (value != null && !type.isInstance(value)) {
            throw new MalformedEntry(key + " is not a " + type.getSimpleName());
        }
        return type.cast(value);
    }

    /** A stored document that is not an entry as the trail writes them. */
    static final class MalformedEntry extends RuntimeException {

        MalformedEntry(String message) {
            super(message, null, false, false);
        }
    }
}
