package uk.gov.essex.mace.storage;

import de.bwaldvogel.mongo.bson.Document;
import java.lang.ref.WeakReference;

/**
 * A document as a collection's map holds it: its BSON bytes, with its decoded form kept only
 * while someone uses it.
 *
 * <p>A page the store reads back only to move it (chunk compaction, see {@link Housekeeping}) is
 * copied as bytes and never decoded; decoding every document of every moved page was most of
 * compaction's cost. And the page cache holds bytes, not decoded documents: a decoded document
 * takes about five times its BSON in heap as dozens of small objects, and the cache's decoded
 * documents, living for seconds, were much of what young collections copied and promoted (see
 * docs/web.md, fifth and sixth rounds). A document is decoded when read and the decoded form
 * is kept through a weak reference, so readers close together in time share one decoding and a
 * collection frees it.
 *
 * <p>The bytes are what was stored. The backend applies an update by changing the decoded form it
 * read in place and then storing the result as a new document (see docs/storage.md, "Replies are
 * snapshots"), so a decoded form may run ahead of the bytes of a document already replaced, never
 * of the one in the map.
 */
final class StoredDocument {

    private final byte[] bson;
    private volatile WeakReference<Document> decoded;

    private StoredDocument(byte[] bson, Document document) {
        this.bson = bson;
        this.decoded = document == null ? null : new WeakReference<>(document);
    }

    /** A document the backend is storing, encoded now (the store writes the bytes as they are). */
    static StoredDocument of(Document document) {
        return new StoredDocument(DocumentType.encode(document), document);
    }

    /** A document read back from the file; decoded when someone first reads it. */
    static StoredDocument ofBson(byte[] bson) {
        return new StoredDocument(bson, null);
    }

    static Document documentOf(StoredDocument stored) {
        return stored == null ? null : stored.document();
    }

    Document document() {
        WeakReference<Document> reference = decoded;
        Document document = reference == null ? null : reference.get();
        if (document == null) {
            document = DocumentType.decode(bson);
            decoded = new WeakReference<>(document);
        }
        return document;
    }

    byte[] bson() {
        return bson;
    }

    boolean isDecoded() {
        WeakReference<Document> reference = decoded;
        return reference != null && reference.get() != null;
    }
}
