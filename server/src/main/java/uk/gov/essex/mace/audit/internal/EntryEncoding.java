package uk.gov.essex.mace.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The canonical bytes of an entry: what its leaf hash is taken over. Explicit and independent of
 * Java serialisation, BSON field order and map iteration order, so that any verifier in any
 * language can recompute it from the fields alone. In the TLS presentation style that RFC 6962
 * uses for its leaves (big-endian integers, length-prefixed vectors):
 *
 * <pre>
 * entry    = version:uint8 (=1) seq:uint64 time:int64 (epoch ms) actor:opt(actor)
 *            action:str targets:list(str) outcome:str requestId:opt(str) source:opt(str)
 *            details:uint32 count, then (key:str value:str) sorted by key's UTF-8 bytes (unsigned)
 * actor    = subject:opt(str) agency:opt(str) roles:list(str) (sorted) clientId:opt(str)
 * str      = length:uint32 then UTF-8 bytes
 * list(x)  = count:uint32 then each x
 * opt(x)   = 0x00 when absent, or 0x01 then x
 * </pre>
 *
 * <p>The sequence number is inside the hashed bytes, so an entry moved to another position no
 * longer matches its own leaf hash.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6962#section-3.4">RFC 6962 s3.4 (leaf structure)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8446#section-3">RFC 8446 s3 (presentation language)</a>
 */
public final class EntryEncoding {

    static final int VERSION = 1;

    private EntryEncoding() {}

    private static final ThreadLocal<Writer> WRITERS = ThreadLocal.withInitial(Writer::new);

    /** The canonical bytes of {@code entry}. */
    public static byte[] encode(AuditEntry entry) {
        Writer out = write(entry);
        return Arrays.copyOf(out.buffer, out.length);
    }

    /** The leaf hash of {@code entry}: SHA-256(0x00 || canonical bytes). */
    public static byte[] leafHash(AuditEntry entry) {
        Writer out = write(entry);
        return MerkleHashes.leaf(out.buffer, 0, out.length);
    }

    /** Encodes into this thread's reusable buffer: verification encodes a million entries. */
    private static Writer write(AuditEntry entry) {
        Writer out = WRITERS.get();
        out.length = 0;
        out.u8(VERSION);
        out.u64(entry.seq());
        out.u64(entry.time().toEpochMilli());
        AuditEntry.Actor actor = entry.actor();
        if (actor == null) {
            out.u8(0);
        } else {
            out.u8(1);
            out.optional(actor.subject());
            out.optional(actor.agency());
            out.list(actor.roles());
            out.optional(actor.clientId());
        }
        out.string(entry.action());
        out.list(entry.targets());
        out.string(entry.outcome());
        out.optional(entry.requestId());
        out.optional(entry.sourceAddress());
        out.u32(entry.details().size());
        if (allAscii(entry.details().keySet())) {
            // The map is sorted by UTF-16 code units, which for ASCII is the UTF-8 byte order.
            entry.details().forEach((key, value) -> {
                out.string(key);
                out.string(value);
            });
        } else {
            List<byte[][]> pairs = new ArrayList<>(entry.details().size());
            for (Map.Entry<String, String> detail : entry.details().entrySet()) {
                pairs.add(new byte[][] {utf8(detail.getKey()), utf8(detail.getValue())});
            }
            pairs.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
            for (byte[][] pair : pairs) {
                out.bytes(pair[0]);
                out.bytes(pair[1]);
            }
        }
        return out;
    }

    private static boolean allAscii(Iterable<String> texts) {
        for (String text : texts) {
            if (!isAscii(text)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Big-endian, length-prefixed writer over a growable buffer. */
    private static final class Writer {

        byte[] buffer = new byte[512];
        int length;

        void u8(int value) {
            ensure(1);
            buffer[length++] = (byte) value;
        }

        void u32(long value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[length++] = (byte) (value >>> shift);
            }
        }

        void u64(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[length++] = (byte) (value >>> shift);
            }
        }

        void bytes(byte[] value) {
            u32(value.length);
            ensure(value.length);
            System.arraycopy(value, 0, buffer, length, value.length);
            length += value.length;
        }

        void string(String value) {
            if (!isAscii(value)) {
                bytes(utf8(value));
                return;
            }
            u32(value.length());
            ensure(value.length());
            for (int i = 0; i < value.length(); i++) {
                buffer[length++] = (byte) value.charAt(i);
            }
        }

        void optional(String value) {
            if (value == null) {
                u8(0);
            } else {
                u8(1);
                string(value);
            }
        }

        void list(List<String> values) {
            u32(values.size());
            for (String value : values) {
                string(value);
            }
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }
}
