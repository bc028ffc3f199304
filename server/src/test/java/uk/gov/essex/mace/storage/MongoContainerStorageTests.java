package uk.gov.essex.mace.storage;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The storage contract against a real MongoDB, so the embedded server is held to what production
 * does. Skipped where there is no Docker engine (the build machines); each test uses its own
 * database in one shared container.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerStorageTests extends StorageContractTests {

    private static final int MONGO_PORT = 27017;

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Override
    StoreUnderTest openStore() {
        return new ContainerStore();
    }

    /** Restart restarts the mongod container; Docker may map it to a new host port. */
    private static final class ContainerStore implements StoreUnderTest {

        private String connectionString = MONGO.getConnectionString();

        @Override
        public MongoClient connect() {
            return MongoClients.create(connectionString);
        }

        @Override
        public void restart() {
            DockerClient docker = MONGO.getDockerClient();
            docker.restartContainerCmd(MONGO.getContainerId()).exec();
            Ports.Binding[] bindings = docker.inspectContainerCmd(MONGO.getContainerId()).exec()
                    .getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(MONGO_PORT));
            connectionString = "mongodb://" + MONGO.getHost() + ":" + bindings[0].getHostPortSpec();
            awaitReady();
        }

        private void awaitReady() {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (true) {
                try (MongoClient client = connect()) {
                    client.getDatabase("admin").runCommand(new Document("ping", 1));
                    return;
                } catch (RuntimeException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw e;
                    }
                }
            }
        }

        @Override
        public void close() {
            // the container is shared by the class; each test has its own database
        }
    }
}
