package uk.gov.essex.mace.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 backend's maps with this module's stored forms: documents as BSON ({@link DocumentType})
 * and unique-index keys as BSON with a direct comparison ({@link IndexKeyType}); the collections'
 * small meta maps, and the keys and values not named here, keep H2's default type.
 *
 * <p>A map is typed by its name, which the backend derives from the database and collection:
 * {@code databases.<db>.<collection>} holds documents, {@code <db>.<collection>._index_<name>} a
 * unique index. A map must be opened typed before the backend opens it by name (the store hands the
 * open instance back), which {@link TypedH2Database} and {@link #migrate} see to.
 *
 * <p>The forms are the store's format 2; a file written before them (format 1, everything
 * Java-serialised) is rewritten in place once, on the first open, in a single commit.
 */
final class StoredMaps {

    private static final Logger log = LoggerFactory.getLogger(StoredMaps.class);
    private static final String DOCUMENTS = "databases.";
    private static final String META = "meta.";
    private static final String INDEX = "._index_";
    /**
     * The store's own facts (its format), in a map no database's maps can be taken for: the backend
     * names those {@code databases.}, {@code meta.} or {@code <db>.}, and drops a database by those
     * prefixes, so the name has no dot.
     */
    static final String STORE_INFO = "mace-store";
    private static final String MIGRATING = "mace-migrating:";
    static final int FORMAT = 2;

    private StoredMaps() {
    }

    /** Opens {@code name} with the types its kind of map is stored with (and leaves other maps alone). */
    static void open(MVStore store, String name) {
        if (isDocuments(name)) {
            openDocuments(store, name);
        } else if (isIndex(name)) {
            store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
        }
    }

    /** A collection's documents, the map named {@code name}, as {@link StoredDocument}s. */
    static MVMap<Object, StoredDocument> openDocuments(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, StoredDocument>().valueType(DocumentType.INSTANCE));
    }

    /** The name the backend gives the map of the documents of the collection {@code namespace} ({@code <db>.<collection>}). */
    static String documentsMapName(String namespace) {
        return DOCUMENTS + namespace;
    }

    /** The name the backend gives the collection's small map of its own facts (its data size). */
    static String metaMapName(String namespace) {
        return META + namespace;
    }

    static boolean isDocuments(String name) {
        return name.startsWith(DOCUMENTS);
    }

    static boolean isIndex(String name) {
        return !name.startsWith(DOCUMENTS) && !name.startsWith(META) && !name.startsWith(MIGRATING) && name.contains(INDEX);
    }

    /**
     * Brings the file to format 2 if it is older, then opens every document and index map typed. A
     * format-1 file's maps are each copied into a typed map that takes its name; nothing is committed
     * until all are done, so a process killed meanwhile leaves the format-1 file as it was. The store
     * must be open with H2's own saving off ({@link StoreFile#openForMigration}): its memory-triggered
     * save would commit half a rewrite. The rewrite holds the copied data in memory until that one
     * commit (see docs/storage.md for the heap it needs).
     */
    static void migrate(MVStore store) {
        MVMap<String, Object> info = store.openMap(STORE_INFO);
        Object format = info.get("format");
        if (format != null && ((Number) format).intValue() > FORMAT) {
            throw new IllegalStateException("The data file is in store format " + format + ", newer than this hub reads ("
                    + FORMAT + "); run the hub version that wrote it.");
        }
        if (format == null) {
            rewrite(store);
            info.put("format", FORMAT);
            store.commit();
        }
        store.getMapNames().forEach(name -> open(store, name));
    }

    private static void rewrite(MVStore store) {
        List<String> names = new ArrayList<>();
        for (String name : store.getMapNames()) {
            if (name.startsWith(MIGRATING)) {
                store.removeMap(name); // never committed; cannot exist, but costs nothing to clear
            } else if (isDocuments(name) || isIndex(name)) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return;
        }
        long entries = 0;
        long started = System.nanoTime();
        for (String name : names) {
            MVMap<Object, Object> old = store.openMap(name);
            String temporary = MIGRATING + name;
            MVMap<Object, Object> copy = isDocuments(name)
                    ? store.openMap(temporary, new MVMap.Builder<Object, Object>().valueType(untyped(DocumentType.INSTANCE)))
                    : store.openMap(temporary, new MVMap.Builder<Object, Object>().keyType(untyped(IndexKeyType.INSTANCE)));
            for (Map.Entry<Object, Object> entry : old.entrySet()) {
                copy.put(entry.getKey(), isDocuments(name) ? StoredDocument.of((Document) entry.getValue()) : entry.getValue());
                entries++;
            }
            store.removeMap(old);
            store.renameMap(copy, name);
        }
        log.warn("Rewrote the data file in store format {}: {} maps, {} entries, {} ms. Hub versions before this one cannot read it.",
                FORMAT, names.size(), entries, (System.nanoTime() - started) / 1_000_000);
    }

    @SuppressWarnings("unchecked")
    private static org.h2.mvstore.type.DataType<Object> untyped(org.h2.mvstore.type.DataType<?> type) {
        return (org.h2.mvstore.type.DataType<Object>) type;
    }
}
