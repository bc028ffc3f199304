package uk.gov.essex.mace.storage;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Storage tests run without a Boot context, where logback logs every driver command and wire
 * message at DEBUG; thousands of concurrent writes would spend more time logging than writing.
 * A test class says {@code @ExtendWith(QuietLogs.class)}; a child process calls {@link #apply}.
 */
final class QuietLogs implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        apply();
    }

    static void apply() {
        for (String name : new String[] {"org.mongodb.driver", "de.bwaldvogel", "io.netty", "org.h2", "org.testcontainers"}) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
