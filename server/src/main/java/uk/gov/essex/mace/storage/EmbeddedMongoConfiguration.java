package uk.gov.essex.mace.storage;

import com.mongodb.ConnectionString;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded MongoDB wire-protocol server when no {@code spring.mongodb.uri} is set, and
 * points the real MongoDB driver at it over loopback.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalMongoCondition.class)
class EmbeddedMongoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongoServer embeddedMongoServer(StorageProperties properties, ObjectProvider<MeterRegistry> meters) {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(properties.dataDir(), properties.durability(), properties.port());
        meters.ifAvailable(server::recordCompaction);
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server) {
        ConnectionString connectionString = new ConnectionString(server.connectionString());
        return () -> connectionString;
    }
}
