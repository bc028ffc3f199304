package uk.gov.essex.mace.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.bson.BsonBinaryWriter;
import org.bson.BsonValue;
import org.bson.ByteBuf;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.audit.internal.RawEntryReader.Shape;
import uk.gov.essex.mace.audit.internal.TamperFinding.Kind;

/**
 * The raw reader is a fast path: on every document in the hub's shape it must write exactly the
 * canonical bytes the general path (decode, {@link EntryDocuments#fromDocument}, {@link
 * EntryEncoding}) computes, and on altered documents the verifier must reach the same verdict by
 * either path.
 */
class RawEntryReaderTests {

    private static final Codec<Document> DOCUMENTS = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);
    private static final Instant TIME = Instant.parse("2025-03-01T09:30:00.123Z");
    private static final EntrySeal SEAL = new EntrySeal(new TestKeys());
    private static final TreeHeadSigner SIGNER = new TreeHeadSigner(new TestKeys());

    @Test
    void readWhenHubShapedThenCanonicalBytesAreThoseOfTheGeneralPath() {
        String long300 = "x".repeat(300);
        List<AuditEntry> entries = List.of(
                entry(0, actor("alice", "essex-police", List.of("POLICE_INTELLIGENCE"), "hub-web"), "case.read",
                        List.of("case-1", "item-1"), "req-1", "10.0.0.1", Map.of("projection", "police", "label", "OFFICIAL-SENSITIVE")),
                entry(1, null, "token.issue", List.of(), null, null, Map.of()),
                entry(2, actor(null, null, List.of(), null), "x", List.of(""), "", "", Map.of("", "")),
                entry(3, actor("a", "b", List.of("ADMIN", "AUDITOR", "AUDITOR", "POLICE"), null), long300,
                        List.of(long300, "t"), "r", null, Map.of("k" + long300, long300, "a", "b", "aa", "b")),
                entry(Integer.MAX_VALUE + 7L, actor("Zoë", "Æsex", List.of("X"), "c"), "café.read",
                        List.of("case-ü", "🙂"), "r\u0000x", "::1", Map.of("détail", "valeur €", "ascii", "🙂")));
        for (AuditEntry entry : entries) {
            RawBsonDocument raw = stored(EntryDocuments.toDocument(entry, EntryEncoding.leafHash(entry), SEAL.seal(EntryEncoding.leafHash(entry))));
            RawEntryReader reader = new RawEntryReader();

            assertThat(read(reader, raw)).as("seq %d", entry.seq()).isEqualTo(Shape.CANONICAL);
            assertThat(reader.id()).isEqualTo(entry.seq());
            assertThat(reader.seq()).isEqualTo(entry.seq());
            byte[] canonical = Arrays.copyOfRange(reader.canonical(), 1, reader.canonicalLength());
            assertThat(reader.canonical()[0]).isZero();
            assertThat(canonical).isEqualTo(EntryEncoding.encode(EntryDocuments.fromDocument(raw.decode(DOCUMENTS))));
        }
    }

    @Test
    void readWhenRolesOrDetailsOutOfOrderOrRoleNotAsciiThenLeavesItToTheGeneralPath() {
        assertThat(read(alter(doc -> doc.get("actor", Document.class).put("roles", List.of("B", "A"))))).isEqualTo(Shape.UNUSUAL);
        assertThat(read(alter(doc -> doc.get("actor", Document.class).put("roles", List.of("É"))))).isEqualTo(Shape.UNUSUAL);
        assertThat(read(alter(doc -> doc.put("details", new Document("z", "1").append("a", "2"))))).isEqualTo(Shape.UNUSUAL);
        assertThat(read(alter(doc -> doc.put("action", 7)))).isEqualTo(Shape.UNUSUAL);
        assertThat(read(alter(doc -> doc.put("_id", "seven")))).isEqualTo(Shape.UNUSUAL);
    }

    @Test
    void readWhenFieldUnknownRepeatedMissingOrHashShortThenMalformed() {
        assertThat(read(alter(doc -> doc.put("note", "x")))).isEqualTo(Shape.MALFORMED);
        assertThat(read(alter(doc -> doc.remove("action")))).isEqualTo(Shape.MALFORMED);
        assertThat(read(alter(doc -> doc.put("seal", new Binary(new byte[31]))))).isEqualTo(Shape.MALFORMED);
        assertThat(read(alter(doc -> doc.get("actor", Document.class).put("rank", "x")))).isEqualTo(Shape.MALFORMED);
        assertThat(read(withRepeatedField("action", "case.close"))).isEqualTo(Shape.MALFORMED);
    }

    /** Every alteration gets the same verdict from the fast path as from the general path. */
    @Test
    void acceptWhenDocumentAlteredThenFastAndGeneralPathsAgree() {
        List<Consumer<Document>> alterations = List.of(
                doc -> {},
                doc -> doc.put("action", "case.close"),
                doc -> doc.put("note", "x"),
                doc -> doc.remove("actor"),
                doc -> doc.put("actor", null),
                doc -> doc.remove("requestId"),
                doc -> doc.put("requestId", "other"),
                doc -> doc.put("seq", 0),
                doc -> doc.put("seq", 1L),
                doc -> doc.put("_id", 0),
                doc -> doc.put("time", TIME.toEpochMilli()),
                doc -> doc.put("time", Date.from(TIME.plusMillis(1))),
                doc -> doc.put("targets", List.of("case-1", 5)),
                doc -> doc.put("targets", List.of("item-1", "case-1")),
                doc -> doc.put("outcome", null),
                doc -> doc.get("actor", Document.class).put("roles", List.of("B", "A")),
                doc -> doc.get("actor", Document.class).put("roles", List.of("A")),
                doc -> doc.get("actor", Document.class).remove("roles"),
                doc -> doc.get("actor", Document.class).remove("clientId"),
                doc -> doc.get("actor", Document.class).put("subject", "mallory"),
                doc -> doc.put("details", new Document("label", "OFFICIAL").append("projection", "police")),
                doc -> doc.put("details", new Document("projection", "police").append("label", "OFFICIAL-SENSITIVE")),
                doc -> doc.put("details", new Document("label", "OFFICIAL-SENSITIVE")),
                doc -> doc.put("details", new Document("label", 3).append("projection", "police")),
                doc -> doc.put("leafHash", new Binary(new byte[32])),
                doc -> doc.put("leafHash", new Binary((byte) 0x80, doc.get("leafHash", Binary.class).getData())),
                doc -> doc.put("seal", new Binary(new byte[32])),
                doc -> doc.put("seal", "not binary"),
                doc -> {
                    Document reordered = new Document();
                    List<String> keys = new ArrayList<>(doc.keySet());
                    Collections.reverse(keys);
                    keys.forEach(key -> reordered.put(key, doc.get(key)));
                    doc.clear();
                    doc.putAll(reordered);
                });
        for (int i = 0; i < alterations.size(); i++) {
            RawBsonDocument raw = alter(alterations.get(i));

            Kind fast = verdict(checker -> checker.accept(raw));
            Kind general = verdict(checker -> checker.accept(raw.decode(DOCUMENTS)));

            assertThat(fast).as("alteration %d: %s", i, raw.toJson()).isEqualTo(general);
        }
        assertThat(verdict(checker -> checker.accept(alter(doc -> {})))).isNull();
        assertThat(verdict(checker -> checker.accept(alter(doc -> doc.put("action", "case.close"))))).isEqualTo(Kind.EDITED);
    }

    /**
     * A field written twice is an edit. (A decoded {@link Document} keeps only one of them, so the
     * general path alone could not tell; the raw reader sees the bytes.)
     */
    @Test
    void acceptWhenFieldWrittenTwiceThenEdited() {
        assertThat(verdict(checker -> checker.accept(withRepeatedField("action", "case.read")))).isEqualTo(Kind.EDITED);
    }

    private static Kind verdict(Consumer<TrailChecker> feed) {
        TrailChecker checker = new TrailChecker(SIGNER, SEAL, Collections.emptyIterator(), seq -> -1);
        feed.accept(checker);
        TamperFinding finding = checker.finish();
        return finding == null ? null : finding.kind();
    }

    private static Shape read(RawBsonDocument raw) {
        return read(new RawEntryReader(), raw);
    }

    private static Shape read(RawEntryReader reader, RawBsonDocument raw) {
        ByteBuf buffer = raw.getByteBuffer();
        return reader.read(buffer.array(), buffer.arrayOffset() + buffer.position());
    }

    /** Entry 0 as the hub stores it, changed by {@code change} as someone with database access might. */
    private static RawBsonDocument alter(Consumer<Document> change) {
        AuditEntry entry = entry(0, actor("alice", "essex-police", List.of("A", "B"), "hub-web"), "case.read",
                List.of("case-1", "item-1"), "req-1", "10.0.0.1", Map.of("projection", "police", "label", "OFFICIAL-SENSITIVE"));
        byte[] leafHash = EntryEncoding.leafHash(entry);
        Document doc = EntryDocuments.toDocument(entry, leafHash, SEAL.seal(leafHash));
        change.accept(doc);
        return stored(doc);
    }

    /** The sealed entry 0 with {@code field} written a second time, after the first, with {@code value}. */
    private static RawBsonDocument withRepeatedField(String field, String value) {
        RawBsonDocument raw = alter(doc -> {});
        BasicOutputBuffer out = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            writer.writeStartDocument();
            for (Map.Entry<String, BsonValue> element : raw.entrySet()) {
                writer.writeName(element.getKey());
                new BsonValueCodec().encode(writer, element.getValue(), EncoderContext.builder().build());
                if (element.getKey().equals(field)) {
                    writer.writeString(field, value);
                }
            }
            writer.writeEndDocument();
        }
        return new RawBsonDocument(out.toByteArray());
    }

    private static RawBsonDocument stored(Document doc) {
        return new RawBsonDocument(doc, DOCUMENTS);
    }

    private static AuditEntry.Actor actor(String subject, String agency, List<String> roles, String clientId) {
        return new AuditEntry.Actor(subject, agency, roles, clientId);
    }

    private static AuditEntry entry(
            long seq, AuditEntry.Actor actor, String action, List<String> targets, String requestId, String source, Map<String, String> details) {
        return new AuditEntry(seq, TIME, actor, action, targets, "SUCCESS", requestId, source, new TreeMap<>(details));
    }
}
