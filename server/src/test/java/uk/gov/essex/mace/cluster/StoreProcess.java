package uk.gov.essex.mace.cluster;

import java.nio.file.Path;
import uk.gov.essex.mace.storage.EmbeddedMongoServer;
import uk.gov.essex.mace.storage.StorageProperties.Durability;

/**
 * The embedded store in a JVM of its own, serving one database to several hub processes through
 * {@code spring.mongodb.uri}: the test stand-in for the MongoDB replica set of production. Arguments:
 * data directory, port. Serves until killed.
 */
public final class StoreProcess {

    private StoreProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(Path.of(args[0]), Durability.GROUP_COMMIT,
                Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("store ready " + server.connectionString());
        Thread.currentThread().join();
    }
}
