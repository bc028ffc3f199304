package uk.gov.essex.mace.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says loudly, once at start-up, when the hub serves plain HTTP: acceptable on a developer's
 * machine or behind a TLS-terminating proxy on a private network, nowhere else.
 */
@Component
class PlainHttpWarning {

    private static final Logger log = LoggerFactory.getLogger(PlainHttpWarning.class);

    private final Environment environment;

    PlainHttpWarning(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfPlain() {
        boolean tls = environment.getProperty("hub.tls.enabled", Boolean.class, true)
                || environment.getProperty("server.ssl.enabled", Boolean.class, false)
                || environment.getProperty("server.ssl.bundle") != null;
        if (!tls) {
            log.warn("Serving plain HTTP: for local development only (hub.tls.enabled=false was set; remove it, or set server.ssl.*, "
                    + "or terminate TLS at a proxy on a private network)");
        }
    }
}
