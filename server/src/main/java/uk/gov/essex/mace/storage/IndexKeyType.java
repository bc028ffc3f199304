package uk.gov.essex.mace.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A unique index's key (the indexed values of one document) as the store keeps it: BSON on disk,
 * and compared without encoding for the kinds of value indexes hold (strings, numbers, booleans).
 * The H2 backend's default type compares keys it does not know by Java-serialising both sides,
 * on every step of every index lookup.
 *
 * <p>The order is total and agrees with equality the way the default's did: two keys are equal
 * only if their values are equal and of the same type (so an index still tells the integer 1 from
 * the double 1.0, as before). Values of any other type compare by their BSON encoding.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    /** How an absent field (as opposed to an explicit null) is written; no stored field name starts with $. */
    private static final String MISSING = "$missing";

    private IndexKeyType() {
    }

    @Override
    public int getMemory(KeyValue key) {
        return 24 + 32 * key.size();
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        DocumentType.writeBson(buffer, asDocument(key));
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        Document document = DocumentType.readBson(buffer);
        List<Object> values = new ArrayList<>(document.size());
        for (Object value : document.values()) {
            values.add(value instanceof Document d && d.size() == 1 && Boolean.TRUE.equals(d.get(MISSING))
                    ? Missing.getInstance() : value);
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareValues(Object a, Object b) {
        int rank = Integer.compare(rank(a), rank(b));
        if (rank != 0) {
            return rank;
        }
        return switch (rank(a)) {
            case 0, 1 -> 0; // null, missing
            case 2 -> ((String) a).compareTo((String) b);
            case 3 -> Long.compare((Long) a, (Long) b);
            case 4 -> Integer.compare((Integer) a, (Integer) b);
            case 5 -> Double.compare((Double) a, (Double) b);
            case 6 -> Boolean.compare((Boolean) a, (Boolean) b);
            default -> Arrays.compareUnsigned(encodeValue(a), encodeValue(b));
        };
    }

    private static int rank(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Missing) {
            return 1;
        }
        if (value instanceof String) {
            return 2;
        }
        if (value instanceof Long) {
            return 3;
        }
        if (value instanceof Integer) {
            return 4;
        }
        if (value instanceof Double) {
            return 5;
        }
        if (value instanceof Boolean) {
            return 6;
        }
        return 7;
    }

    private static byte[] encodeValue(Object value) {
        Document holder = new Document();
        holder.put("v", value);
        return DocumentType.encode(holder);
    }

    private static Document asDocument(KeyValue key) {
        Document document = new Document();
        for (int i = 0; i < key.size(); i++) {
            Object value = key.get(i);
            document.put(Integer.toString(i), value instanceof Missing ? new Document(MISSING, true) : value);
        }
        return document;
    }
}
