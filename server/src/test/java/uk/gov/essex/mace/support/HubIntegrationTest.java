package uk.gov.essex.mace.support;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole hub: demo profile, the embedded store in a fresh data
 * directory, a real HTTP port. Every test class extending it shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
public abstract class HubIntegrationTest {

    private static final Path DATA_DIR = FreshDataDir.create("hub-it-");

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.storage.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    protected HubApi api;
    protected DemoTokens tokens;

    private static DemoTokens sharedTokens;
    private static int sharedPort;

    @BeforeEach
    void connect() {
        api = new HubApi(baseUrl());
        synchronized (HubIntegrationTest.class) {
            if (sharedTokens == null || sharedPort != port) {
                sharedTokens = new DemoTokens(baseUrl());
                sharedPort = port;
            }
            tokens = sharedTokens;
        }
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected String token(String username) {
        return tokens.user(username);
    }
}
