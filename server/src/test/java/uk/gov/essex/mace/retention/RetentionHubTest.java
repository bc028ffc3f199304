package uk.gov.essex.mace.retention;

import uk.gov.essex.mace.support.FreshDataDir;
import uk.gov.essex.mace.support.MutableClock;
import uk.gov.essex.mace.support.MutableClockConfiguration;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.essex.mace.HubApplication;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.HubApi;

/**
 * The whole hub (demo profile, real HTTP, real tokens, its own embedded store) with a clock the test
 * moves, so a case can live through years of retention in one test. Its own Spring context (the
 * clock bean and the data directory differ from the shared one); every subclass shares it. The
 * scheduled evaluation is off: tests run it at the moment they choose. To test refusals, Basildon
 * Council's and Stay Safe Essex's sharing agreements ended on 1 January 2025 here, and the North
 * Essex CSP's starts only on 1 January 2099.
 */
@SpringBootTest(classes = {HubApplication.class, MutableClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.retention.evaluation-cron=-",
        "hub.partnership.agreements.basildon-council.valid-to=2025-01-01",
        "hub.partnership.agreements.stay-safe-essex.valid-to=2025-01-01",
        "hub.partnership.agreements.north-essex-csp.valid-from=2099-01-01"})
@ActiveProfiles("demo")
abstract class RetentionHubTest {

    private static final Path DATA_DIR = FreshDataDir.create("hub-retention-");

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.storage.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MutableClock clock;

    HubApi api;

    private static DemoTokens tokens;
    private static int tokensPort;

    @BeforeEach
    void connect() {
        api = new HubApi("http://localhost:" + port);
        synchronized (RetentionHubTest.class) {
            if (tokens == null || tokensPort != port) {
                tokens = new DemoTokens("http://localhost:" + port);
                tokensPort = port;
            }
        }
    }

    static Path dataDir() {
        return DATA_DIR;
    }

    String token(String username) {
        return tokens.user(username);
    }
}
