package uk.gov.essex.mace.storage;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A document as a collection's map holds it: its BSON bytes, and its decoded form once something
 * has read it.
 *
 * <p>A page the store reads back only to move it (chunk compaction, see {@link Housekeeping}) is
 * copied as bytes and never decoded: decoding every document of every moved page was most of
 * compaction's cost, and those decoded copies (about five times the BSON in heap) were much of
 * what young collections copied and promoted (docs/web.md, fifth and sixth rounds). A document a
 * command reads is decoded once and kept with its page while the page is cached: most queries on
 * this backend scan a whole collection (it has no secondary indexes), and decoding every document
 * again for each scan would cost more than it saves. A weak reference was tried and not kept for
 * that reason.
 *
 * <p>The bytes are what was stored, and are all that is ever written. The backend applies an update
 * by changing the decoded form it read in place and then storing the result as a new document
 * (see docs/storage.md, "Replies are snapshots"): during an update the decoded form of the
 * document being replaced runs ahead of its bytes.
 */
final class StoredDocument {

    private final byte[] bson;
    private volatile Document decoded;

    private StoredDocument(byte[] bson, Document decoded) {
        this.bson = bson;
        this.decoded = decoded;
    }

    /** A document the backend is storing, encoded now (the store writes the bytes as they are). */
    static StoredDocument of(Document document) {
        return new StoredDocument(DocumentType.encode(document), document);
    }

    /** A document read back from the file; decoded when something first reads it. */
    static StoredDocument ofBson(byte[] bson) {
        return new StoredDocument(bson, null);
    }

    static Document documentOf(StoredDocument stored) {
        return stored == null ? null : stored.document();
    }

    /** Two readers at once may both decode; each gets an equal document, and one of them is kept. */
    Document document() {
        Document document = decoded;
        if (document == null) {
            document = DocumentType.decode(bson);
            decoded = document;
        }
        return document;
    }

    byte[] bson() {
        return bson;
    }

    /** Its size in BSON, what the backend counts as a document's data size. */
    int size() {
        return bson.length;
    }

    boolean isDecoded() {
        return decoded != null;
    }
}
