package uk.gov.essex.mace.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.essex.mace.storage.StorageProperties.Durability;

/** The storage contract against the embedded server with its default group commit. */
class EmbeddedStorageTests extends StorageContractTests {

    @TempDir
    Path dataDir;

    @Override
    StoreUnderTest openStore() {
        return new EmbeddedStore(dataDir);
    }

    /** Restart closes the server and its file and opens the same directory again. */
    private static final class EmbeddedStore implements StoreUnderTest {

        private final Path dataDir;
        private EmbeddedMongoServer server;

        EmbeddedStore(Path dataDir) {
            this.dataDir = dataDir;
            this.server = EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT);
        }

        @Override
        public MongoClient connect() {
            return MongoClients.create(server.connectionString());
        }

        @Override
        public void restart() {
            server.close();
            server = EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT);
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
