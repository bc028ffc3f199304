package uk.gov.essex.mace.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Assert;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * The H2 backend's collection over a map of {@link StoredDocument}s: the same behaviour as
 * {@link H2Collection} 1.47 (whose own methods would take the map's values for documents), with
 * each document decoded only when it is read. Every method of the superclass that touches the
 * document map's values is overridden here; its size, emptiness and the meta map it keeps as is.
 *
 * <p>The collection's data size ({@code collStats}) is kept from the bytes each document is stored
 * as: the backend would otherwise encode every inserted, updated and removed document once more
 * (twice for an update) only to measure it.
 */
final class StoredCollection extends H2Collection {

    private final MVMap<Object, StoredDocument> documents;

    StoredCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, StoredDocument> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, untyped(documents), meta, cursors);
        this.documents = documents;
    }

    @SuppressWarnings("unchecked")
    private static MVMap<Object, Document> untyped(MVMap<Object, StoredDocument> documents) {
        return (MVMap<Object, Document>) (MVMap<?, ?>) documents;
    }

    @Override
    protected boolean tracksDataSize() {
        return false; // kept here instead, from the stored bytes
    }

    /** The message names the key only: a document's content stays out of errors and logs. */
    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        StoredDocument stored = StoredDocument.of(document);
        StoredDocument previous = documents.put(Missing.ofNullable(key), stored);
        Assert.isNull(previous, () -> "Document with key '" + key + "' already existed in " + this);
        updateDataSize(stored.size());
        return key;
    }

    @Override
    protected Document getDocument(Object position) {
        return StoredDocument.documentOf(documents.get(position));
    }

    @Override
    protected void removeDocument(Object position) {
        StoredDocument removed = documents.remove(position);
        if (removed == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
        updateDataSize(-removed.size());
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(entry.getValue().document(), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        Stream<Document> candidates = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : documents.values().stream().map(StoredDocument::document);
        return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        StoredDocument stored = StoredDocument.of(newDocument);
        StoredDocument previous = documents.put(Missing.ofNullable(position), stored);
        updateDataSize(stored.size() - (previous == null ? 0 : previous.size()));
    }
}
