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
 */
final class DocumentType extends BasicDataType<Document> {

    static final DocumentType INSTANCE = new DocumentType();

    /**
     * Running average of encoded sizes, the page cache's estimate of a document's weight (as H2's
     * own serialised-object type estimates it); a guess is enough, and measuring each document
     * would cost an encoding per cache insertion.
     */
    private volatile int averageSize = 512;

    private DocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        byte[] bson = encode(document);
        averageSize = (bson.length + 15 * averageSize) / 16;
        buffer.put(bson);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        // a BSON document starts with its own length, little-endian, that length included
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /**
     * Values are only ever compared for equality (a conditional replace); equal documents encode
     * alike, and different ones get some consistent order.
     */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : Arrays.compareUnsigned(encode(a), encode(b));
    }

    static byte[] encode(Document document) {
        ByteBuf out = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }
}
