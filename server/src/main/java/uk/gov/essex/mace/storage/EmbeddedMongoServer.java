package uk.gov.essex.mace.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB wire-protocol server (mongo-java-server with its file-backed H2 backend),
 * bound to loopback on an ephemeral port.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    static final String DATABASE = "macehub";

    private final MongoServer server;
    private final H2Backend backend;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, H2Backend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.address = address;
    }

    /** Opens (or creates) the database file under {@code dataDir} and starts serving it. */
    public static EmbeddedMongoServer start(Path dataDir, StorageProperties.Durability durability) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve("hub.mv");
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB wire-protocol server on {} (file {}, durability {})", address, file, durability);
        return new EmbeddedMongoServer(server, backend, address);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE;
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
