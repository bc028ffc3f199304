package uk.gov.essex.mace.storage;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage tests run without a Boot context, where logback logs every driver command and wire
 * message at DEBUG; thousands of concurrent writes would spend more time logging than writing.
 */
final class QuietLogs {

    private QuietLogs() {
    }

    static void apply() {
        for (String name : new String[] {"org.mongodb.driver", "de.bwaldvogel", "io.netty", "org.h2", "org.testcontainers"}) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
