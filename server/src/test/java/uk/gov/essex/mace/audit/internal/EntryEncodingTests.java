package uk.gov.essex.mace.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EntryEncodingTests {

    private static final Instant TIME = Instant.parse("2025-03-01T09:30:00.123Z");

    @Test
    void encodeWhenEntryGivenThenBytesAreExactlyTheDocumentedLayout() {
        AuditEntry entry = new AuditEntry(
                5, TIME, new AuditEntry.Actor("al", "ep", List.of("B", "A"), null), "x", List.of("c1"), "SUCCESS",
                "r", null, new TreeMap<>(Map.of("k", "v")));

        String hex = HexFormat.of().formatHex(EntryEncoding.encode(entry));

        assertThat(hex).isEqualTo(""
                + "01" // version
                + "0000000000000005" // seq
                + "00000195510a8a3b" // time, epoch ms
                + "01" // actor present
                + "01" + "00000002" + "616c" // subject "al"
                + "01" + "00000002" + "6570" // agency "ep"
                + "00000002" + "00000001" + "41" + "00000001" + "42" // roles, sorted: A, B
                + "00" // no client id
                + "00000001" + "78" // action "x"
                + "00000001" + "00000002" + "6331" // targets ["c1"]
                + "00000007" + "53554343455353" // outcome "SUCCESS"
                + "01" + "00000001" + "72" // request id "r"
                + "00" // no source address
                + "00000001" + "00000001" + "6b" + "00000001" + "76"); // details {k: v}
    }

    @Test
    void encodeWhenDetailsInsertedInAnotherOrderThenSameBytes() {
        Map<String, String> forwards = new LinkedHashMap<>();
        forwards.put("alpha", "1");
        forwards.put("beta", "2");
        forwards.put("é-accent", "3");
        Map<String, String> backwards = new LinkedHashMap<>();
        backwards.put("é-accent", "3");
        backwards.put("beta", "2");
        backwards.put("alpha", "1");

        assertThat(EntryEncoding.encode(entry(forwards))).isEqualTo(EntryEncoding.encode(entry(backwards)));
    }

    @Test
    void encodeWhenNonAsciiTextThenUtf8() {
        byte[] bytes = EntryEncoding.encode(new AuditEntry(
                0, TIME, null, "ça", List.of(), "SUCCESS", null, null, new TreeMap<>()));

        assertThat(HexFormat.of().formatHex(bytes)).contains("00000003" + "c3a761");
    }

    @Test
    void leafHashWhenAnyFieldChangesThenDiffers() {
        AuditEntry entry = entry(Map.of("projection", "police"));

        assertThat(EntryEncoding.leafHash(entry)).isNotEqualTo(EntryEncoding.leafHash(entry.at(1)));
        assertThat(EntryEncoding.leafHash(entry)).isEqualTo(MerkleHashes.leaf(EntryEncoding.encode(entry)));
    }

    @Test
    void cleanWhenUnpairedSurrogateThenReplacementCharacter() {
        assertThat(PendingEntry.clean("a\uD800b")).isEqualTo("a\uFFFDb");
        assertThat(PendingEntry.clean("smile \uD83D\uDE00")).isEqualTo("smile \uD83D\uDE00");
    }

    private static AuditEntry entry(Map<String, String> details) {
        return new AuditEntry(0, TIME, null, "case.read", List.of("case-1"), "SUCCESS", null, null, new TreeMap<>(details));
    }
}
