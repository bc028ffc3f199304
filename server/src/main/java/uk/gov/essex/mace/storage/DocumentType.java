package uk.gov.essex.mace.storage;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A stored document as the store keeps it on disk: its BSON bytes, the format the documents
 * arrived in over the wire. The H2 backend's default kept each document as a Java-serialised object
 * graph, which made every commit (and every page read back after leaving the cache) spend most of
 * its time in {@code ObjectOutputStream}.
 *
 * <p>In memory a document is a {@link StoredDocument}: a page read back holds its documents' bytes
 * and decodes each one only when it is read, and a page written again holds the bytes it was
 * written from, so moving a page from one chunk to another neither decodes nor encodes anything.
 */
final class DocumentType extends BasicDataType<StoredDocument> {

    static final DocumentType INSTANCE = new DocumentType();

    private DocumentType() {
    }

    /** What the page cache counts a document as: its bytes and the object holding them. */
    @Override
    public int getMemory(StoredDocument document) {
        return 40 + document.size();
    }

    @Override
    public void write(WriteBuffer buffer, StoredDocument document) {
        buffer.put(document.bson());
    }

    /** Encodes {@code document} straight into {@code buffer} (a unique-index key). */
    static void writeBson(WriteBuffer buffer, Document document) {
        ByteBuf out = Scratch.take();
        try {
            BsonEncoder.encodeDocument(document, out);
            int length = out.readableBytes();
            buffer.put(out.array(), out.arrayOffset() + out.readerIndex(), length);
        } finally {
            Scratch.give(out);
        }
    }

    /** Copies the bytes of the next document out of {@code buffer}, without decoding them. */
    @Override
    public StoredDocument read(ByteBuffer buffer) {
        byte[] bson = new byte[nextLength(buffer)];
        buffer.get(bson);
        return StoredDocument.ofBson(bson);
    }

    /** Decodes the next document in {@code buffer}. */
    static Document readBson(ByteBuffer buffer) {
        int length = nextLength(buffer);
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** A BSON document starts with its own length, little-endian, that length included. */
    private static int nextLength(ByteBuffer buffer) {
        return buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    static Document decode(byte[] bson) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public StoredDocument[] createStorage(int size) {
        return new StoredDocument[size];
    }

    /**
     * Values are only ever compared for equality (a conditional replace); equal documents encode
     * alike, and different ones get some consistent order.
     */
    @Override
    public int compare(StoredDocument a, StoredDocument b) {
        return a.document().equals(b.document()) ? 0 : Arrays.compareUnsigned(a.bson(), b.bson());
    }

    static byte[] encode(Document document) {
        ByteBuf out = Scratch.take();
        try {
            BsonEncoder.encodeDocument(document, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            Scratch.give(out);
        }
    }

    /**
     * One encoding buffer per thread, reused: every stored document and every unique-index key a
     * commit writes is encoded, and a fresh buffer grown by doubling for each was over a third of
     * what commits allocated when commits encoded documents (an allocation profile of the fan-out
     * benchmark). A buffer is only ever in use for one encoding; one that grew past
     * {@link #KEEP_AT_MOST} is dropped.
     */
    private static final class Scratch {

        static final int KEEP_AT_MOST = 1 << 20;
        private static final ThreadLocal<ByteBuf> BUFFERS = new ThreadLocal<>();

        static ByteBuf take() {
            ByteBuf buffer = BUFFERS.get();
            if (buffer == null) {
                return Unpooled.buffer(4096);
            }
            BUFFERS.set(null); // a nested encoding on this thread gets a buffer of its own
            return buffer;
        }

        static void give(ByteBuf buffer) {
            if (buffer.capacity() > KEEP_AT_MOST) {
                buffer.release();
                return;
            }
            buffer.clear();
            BUFFERS.set(buffer);
        }
    }
}
