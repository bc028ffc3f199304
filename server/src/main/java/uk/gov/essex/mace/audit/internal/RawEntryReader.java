package uk.gov.essex.mace.audit.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an {@code audit_entries} document straight from its stored BSON bytes and writes its
 * canonical bytes ({@link EntryEncoding}) without decoding it into objects: verification reads a
 * million of them, and decoding each into a map of strings cost more than hashing it.
 *
 * <p>It handles the shape the hub writes ({@link EntryDocuments#toDocument}): the known fields in
 * any order, each at most once, with their written types; strings copied as the UTF-8 bytes they
 * are stored as; roles and detail keys already in canonical order. For such a document the bytes
 * it writes are exactly {@code EntryEncoding.encode(EntryDocuments.fromDocument(doc))}
 * ({@code RawEntryReaderTests} holds it to that). Anything else it either rejects outright as
 * {@link Shape#MALFORMED} (an unknown, repeated or missing field: an edit, whoever reads it) or
 * hands back as {@link Shape#UNUSUAL} for the general decoder to judge (another BSON type, roles
 * or details out of order, a non-ASCII role), so that it never accepts what the general path
 * would refuse.
 *
 * <p>One instance per walk, not thread-safe: it reuses one buffer for every entry.
 */
final class RawEntryReader {

    /** What {@link #read} made of a document. */
    enum Shape {
        /** In the hub's shape: {@link #canonical()} holds its leaf input. */
        CANONICAL,
        /** Not an entry as the hub writes them, see {@link #problem()}; {@link #id()} is valid. */
        MALFORMED,
        /** Something this reader does not decide: decode it and judge it the general way. */
        UNUSUAL
    }

    private static final int ID = 0;
    private static final int SEQ = 1;
    private static final int TIME = 2;
    private static final int ACTOR = 3;
    private static final int ACTION = 4;
    private static final int TARGETS = 5;
    private static final int OUTCOME = 6;
    private static final int REQUEST_ID = 7;
    private static final int SOURCE = 8;
    private static final int DETAILS = 9;
    private static final int LEAF_HASH = 10;
    private static final int SEAL = 11;
    private static final byte[][] FIELDS = names(
            EntryDocuments.ID, EntryDocuments.SEQ, EntryDocuments.TIME, EntryDocuments.ACTOR, EntryDocuments.ACTION,
            EntryDocuments.TARGETS, EntryDocuments.OUTCOME, EntryDocuments.REQUEST_ID, EntryDocuments.SOURCE,
            EntryDocuments.DETAILS, EntryDocuments.LEAF_HASH, EntryDocuments.SEAL);

    private static final int SUBJECT = 0;
    private static final int AGENCY = 1;
    private static final int ROLES = 2;
    private static final int CLIENT_ID = 3;
    private static final byte[][] ACTOR_FIELDS = names("subject", "agency", "roles", "clientId");

    private static final byte DOUBLE = 0x01;
    private static final byte STRING = 0x02;
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final byte BINARY = 0x05;
    private static final byte DATE = 0x09;
    private static final byte NULL = 0x0A;
    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;

    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Each name with its NUL as two little-endian words and masks, to compare a key in two loads. */
    private static final long[][] FIELD_WORDS = words(FIELDS);
    private static final long[][] ACTOR_WORDS = words(ACTOR_FIELDS);

    private static final Unusual UNUSUAL = new Unusual();
    private static final Unusual REFUSED = new Unusual();

    private final int[] at = new int[FIELDS.length];
    private final byte[] types = new byte[FIELDS.length];
    private final int[] actorAt = new int[ACTOR_FIELDS.length];
    private final byte[] actorTypes = new byte[ACTOR_FIELDS.length];

    /** [0] is the leaf prefix 0x00, then the canonical bytes: one digest call per leaf. */
    private byte[] out = new byte[1024];
    private int length;
    private byte[] in;
    private long id;
    private long seq;
    private String problem;

    /** Reads the BSON document at {@code bytes[offset...]}. */
    Shape read(byte[] bytes, int offset) {
        in = bytes;
        problem = null;
        try {
            int size = int32(offset);
            if (size < 5 || size > bytes.length - offset) {
                return Shape.UNUSUAL;
            }
            // The canonical bytes are shorter than the BSON but for one byte per detail: this bounds them.
            if (out.length < 2 * size + 64) {
                out = new byte[2 * size + 64];
            }
            scan(offset, FIELDS, FIELD_WORDS, at, types);
            if (at[ID] < 0 || !integral(types[ID])) {
                return Shape.UNUSUAL;
            }
            id = integral(types[ID], at[ID]);
            if (problem != null) {
                return Shape.MALFORMED;
            }
            encode();
            return Shape.CANONICAL;
        } catch (Unusual e) {
            return e == REFUSED ? Shape.MALFORMED : Shape.UNUSUAL;
        } catch (IndexOutOfBoundsException e) {
            return Shape.UNUSUAL;
        }
    }

    /** The document's {@code _id}, unless {@link #read} said {@link Shape#UNUSUAL}. */
    long id() {
        return id;
    }

    /** The {@code seq} it claims, when {@link Shape#CANONICAL}. */
    long seq() {
        return seq;
    }

    /** Why it is {@link Shape#MALFORMED}. */
    String problem() {
        return problem;
    }

    /** 0x00 then the canonical bytes, in {@code [0, canonicalLength())}: the leaf hash input. */
    byte[] canonical() {
        return out;
    }

    int canonicalLength() {
        return length;
    }

    /** Offset in the document's bytes of the 32-byte stored leaf hash, when {@link Shape#CANONICAL}. */
    int leafHashAt() {
        return at[LEAF_HASH] + 5;
    }

    /** Offset in the document's bytes of the 32-byte stored seal, when {@link Shape#CANONICAL}. */
    int sealAt() {
        return at[SEAL] + 5;
    }

    private void encode() {
        length = 0;
        u8(0); // the leaf prefix, RFC 9162 s2.1.1
        u8(EntryEncoding.VERSION);
        seq = integral(required(SEQ), at[SEQ]);
        u64(seq);
        if (required(TIME) != DATE) {
            throw UNUSUAL;
        }
        u64(int64(at[TIME]));
        actor();
        string(required(ACTION), at[ACTION]);
        stringList(required(TARGETS), at[TARGETS], false);
        string(required(OUTCOME), at[OUTCOME]);
        optional(types[REQUEST_ID], at[REQUEST_ID]);
        optional(types[SOURCE], at[SOURCE]);
        details(required(DETAILS), at[DETAILS]);
        hash(LEAF_HASH);
        hash(SEAL);
    }

    private void actor() {
        int pos = at[ACTOR];
        if (pos < 0 || types[ACTOR] == NULL) {
            u8(0);
            return;
        }
        if (types[ACTOR] != DOCUMENT) {
            throw UNUSUAL;
        }
        scan(pos, ACTOR_FIELDS, ACTOR_WORDS, actorAt, actorTypes);
        if (problem != null) {
            throw refuse("actor: " + problem);
        }
        if (actorAt[ROLES] < 0) {
            throw refuse("missing actor.roles");
        }
        u8(1);
        optional(actorTypes[SUBJECT], actorAt[SUBJECT]);
        optional(actorTypes[AGENCY], actorAt[AGENCY]);
        stringList(actorTypes[ROLES], actorAt[ROLES], true);
        optional(actorTypes[CLIENT_ID], actorAt[CLIENT_ID]);
    }

    /**
     * Finds each of {@code names} in the document at {@code pos}: value offset and type into
     * {@code where} and {@code what}, -1 when absent. An unknown or repeated field sets {@link
     * #problem} (the first one) and the scan goes on, so that {@code _id} is found wherever it is.
     */
    private void scan(int pos, byte[][] names, long[][] words, int[] where, byte[] what) {
        Arrays.fill(where, -1);
        int end = pos + int32(pos) - 1;
        pos += 4;
        int field = -1;
        while (pos < end) {
            byte type = in[pos++];
            int key = pos;
            field = match(words, field + 1, key);
            if (field < 0) {
                pos = cstringEnd(pos);
                if (problem == null) {
                    problem = "unknown field " + new String(in, key, pos - key, StandardCharsets.UTF_8);
                }
            } else {
                pos += names[field].length;
                if (where[field] >= 0 && problem == null) {
                    problem = "field " + text(names[field]) + " appears twice";
                }
            }
            pos++;
            if (field >= 0 && where[field] < 0) {
                where[field] = pos;
                what[field] = type;
            }
            pos = skip(type, pos);
        }
        if (pos != end || in[end] != 0) {
            throw UNUSUAL;
        }
    }

    private byte required(int field) {
        if (at[field] < 0) {
            throw refuse("missing " + text(FIELDS[field]));
        }
        return types[field];
    }

    private Unusual refuse(String why) {
        problem = why;
        return REFUSED;
    }

    private void string(byte type, int pos) {
        if (type != STRING) {
            throw UNUSUAL;
        }
        int size = int32(pos) - 1;
        if (size < 0 || in[pos + 4 + size] != 0) {
            throw UNUSUAL;
        }
        u32(size);
        copy(pos + 4, size);
    }

    private void optional(byte type, int pos) {
        if (pos < 0 || type == NULL) {
            u8(0);
        } else {
            u8(1);
            string(type, pos);
        }
    }

    /**
     * A BSON array of strings as list(str). Roles must already be in the order {@link
     * AuditEntry.Actor} sorts them into (String order, which for ASCII is byte order), else the
     * general path sorts them.
     */
    private void stringList(byte type, int pos, boolean sorted) {
        if (type != ARRAY) {
            throw UNUSUAL;
        }
        int end = pos + int32(pos) - 1;
        pos += 4;
        int countAt = length;
        u32(0);
        int count = 0;
        int previous = -1;
        int previousSize = 0;
        while (pos < end) {
            byte itemType = in[pos++];
            pos = cstringEnd(pos) + 1;
            if (itemType != STRING) {
                throw UNUSUAL;
            }
            int size = int32(pos) - 1;
            if (sorted) {
                if (!ascii(pos + 4, size)
                        || previous >= 0 && Arrays.compareUnsigned(in, previous, previous + previousSize, in, pos + 4, pos + 4 + size) > 0) {
                    throw UNUSUAL;
                }
                previous = pos + 4;
                previousSize = size;
            }
            string(itemType, pos);
            pos = skip(itemType, pos);
            count++;
        }
        if (pos != end) {
            throw UNUSUAL;
        }
        putU32(countAt, count);
    }

    /** Details as count, then key/value pairs; keys must already be in unsigned UTF-8 byte order. */
    private void details(byte type, int pos) {
        if (type != DOCUMENT) {
            throw UNUSUAL;
        }
        int end = pos + int32(pos) - 1;
        pos += 4;
        int countAt = length;
        u32(0);
        int count = 0;
        int previous = -1;
        int previousSize = 0;
        while (pos < end) {
            byte valueType = in[pos++];
            int key = pos;
            pos = cstringEnd(pos);
            int keySize = pos - key;
            pos++;
            if (previous >= 0) {
                int order = Arrays.compareUnsigned(in, previous, previous + previousSize, in, key, key + keySize);
                if (order == 0) {
                    throw refuse("detail " + new String(in, key, keySize, StandardCharsets.UTF_8) + " appears twice");
                }
                if (order > 0) {
                    throw UNUSUAL;
                }
            }
            previous = key;
            previousSize = keySize;
            u32(keySize);
            copy(key, keySize);
            string(valueType, pos);
            pos = skip(valueType, pos);
            count++;
        }
        if (pos != end) {
            throw UNUSUAL;
        }
        putU32(countAt, count);
    }

    private void hash(int field) {
        if (required(field) != BINARY) {
            throw UNUSUAL;
        }
        int pos = at[field];
        if (in[pos + 4] != 0) {
            throw UNUSUAL; // another binary subtype: let the driver's decoder say what it is
        }
        if (int32(pos) != MerkleHashes.SIZE) {
            throw refuse(text(FIELDS[field]) + " is not 32 bytes");
        }
    }

    private static boolean integral(byte type) {
        return type == INT64 || type == INT32;
    }

    private long integral(byte type, int pos) {
        if (type == INT64) {
            return int64(pos);
        }
        if (type == INT32) {
            return int32(pos);
        }
        throw UNUSUAL;
    }

    /** Position just after the value of {@code type} at {@code pos}. Never moves back. */
    private int skip(byte type, int pos) {
        return switch (type) {
            case DOUBLE, DATE, INT64, 0x11 -> pos + 8;
            case STRING, 0x0D, 0x0E -> pos + 4 + size(pos, 1);
            case DOCUMENT, ARRAY -> pos + size(pos, 5);
            case BINARY -> pos + 5 + size(pos, 0);
            case 0x07 -> pos + 12;
            case 0x08 -> pos + 1;
            case NULL, 0x06, (byte) 0xFF, 0x7F -> pos;
            case INT32 -> pos + 4;
            case 0x13 -> pos + 16;
            default -> throw UNUSUAL;
        };
    }

    /** A length prefix of at least {@code min}: a negative one would send the walk backwards. */
    private int size(int pos, int min) {
        int size = int32(pos);
        if (size < min) {
            throw UNUSUAL;
        }
        return size;
    }

    private int cstringEnd(int pos) {
        while (in[pos] != 0) {
            pos++;
        }
        return pos;
    }

    private boolean ascii(int pos, int size) {
        for (int i = pos; i < pos + size; i++) {
            if (in[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Which of {@code names} the key at {@code key} is, or -1. Tries them from {@code from} on,
     * wrapping round: the hub writes the fields in the order of {@code names}, so the first try
     * after the previous field is nearly always the one.
     */
    private int match(long[][] words, int from, int key) {
        long first = (long) LE_LONG.get(in, key);
        long second = (long) LE_LONG.get(in, key + 8);
        int field = from;
        for (int i = 0; i < words.length; i++, field++) {
            if (field == words.length) {
                field = 0;
            }
            long[] name = words[field];
            if ((first & name[1]) == name[0] && (second & name[3]) == name[2]) {
                return field;
            }
        }
        return -1;
    }

    /** {word0, mask0, word1, mask1} of each name and its NUL (16 bytes at most), little-endian. */
    private static long[][] words(byte[][] names) {
        long[][] words = new long[names.length][4];
        for (int field = 0; field < names.length; field++) {
            byte[] name = names[field];
            if (name.length > 15) {
                throw new IllegalArgumentException("field name too long to match in two words");
            }
            for (int i = 0; i <= name.length; i++) {
                int word = i / 8 * 2;
                int shift = i % 8 * 8;
                words[field][word] |= (long) (i < name.length ? name[i] & 0xFF : 0) << shift;
                words[field][word + 1] |= 0xFFL << shift;
            }
        }
        return words;
    }

    private int int32(int pos) {
        return (int) LE_INT.get(in, pos);
    }

    private long int64(int pos) {
        return (long) LE_LONG.get(in, pos);
    }

    // Writers: read() has sized out for the whole document, so they do not check for room (an
    // index out of bounds, were that bound wrong, would only send the entry down the general path).

    private void u8(int value) {
        out[length++] = (byte) value;
    }

    private void u32(int value) {
        putU32(length, value);
        length += 4;
    }

    private void putU32(int pos, int value) {
        BE_INT.set(out, pos, value);
    }

    private void u64(long value) {
        BE_LONG.set(out, length, value);
        length += 8;
    }

    /**
     * Copies {@code size} bytes a word at a time: the strings are short, and a word loop beats the
     * fixed cost of {@link System#arraycopy} on them. It may write up to 7 bytes past the end,
     * which the next write overwrites (out has the room), and read up to 7 past the string, which
     * lie inside the document (at worst its final NUL and beyond: an index error, the general path).
     */
    private void copy(int pos, int size) {
        if (size > 64) {
            System.arraycopy(in, pos, out, length, size);
        } else {
            for (int i = 0; i < size; i += 8) {
                LE_LONG.set(out, length + i, (long) LE_LONG.get(in, pos + i));
            }
        }
        length += size;
    }

    private static byte[][] names(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    private static String text(byte[] name) {
        return new String(name, StandardCharsets.US_ASCII);
    }

    /**
     * Leaves the walk of one document: {@link #UNUSUAL} (the general decoder judges it) or {@link
     * #REFUSED} (malformed, see {@link #problem}). Thrown rarely, so shared and without a trace.
     */
    private static final class Unusual extends RuntimeException {

        Unusual() {
            super(null, null, false, false);
        }
    }
}
