package uk.gov.essex.mace.crypto.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.KeyRotation;

/**
 * One-shot operator commands, run as {@code --hub.command=rotate-keys} or
 * {@code --hub.command=retire-keys} (see {@code scripts/rotate-keys}): do the work, log the counts and
 * exit, non-zero when a data key could not be re-wrapped. Without {@code hub.command} it does nothing.
 */
@Component
class KeyCommands implements ApplicationRunner {

    static final String ROTATE = "rotate-keys";
    static final String RETIRE = "retire-keys";

    private static final Logger log = LoggerFactory.getLogger(KeyCommands.class);

    private final KeyRotation rotation;
    private final Environment environment;
    private final ApplicationContext context;

    KeyCommands(KeyRotation rotation, Environment environment, ApplicationContext context) {
        this.rotation = rotation;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        String command = environment.getProperty("hub.command");
        if (ROTATE.equals(command) || RETIRE.equals(command)) {
            int exitCode = execute(command);
            System.exit(SpringApplication.exit(context, () -> exitCode));
        }
    }

    /** Runs {@code command} and returns the process exit code. */
    int execute(String command) {
        if (ROTATE.equals(command)) {
            KeyRotation.Rotation result = rotation.rotate();
            log.info("rotate-keys: all data keys now under kek-v{}: {} re-wrapped, {} skipped (changed meanwhile), {} failed",
                    result.kekVersion(), result.rewrapped(), result.skipped(), result.failed());
            if (result.failed() > 0) {
                log.error("rotate-keys: {} data keys are still under an older KEK; see the errors above", result.failed());
                return 1;
            }
            log.info("rotate-keys: older KEK versions stay in the keystore until `scripts/rotate-keys --retire`");
            return 0;
        }
        KeyRotation.Retirement result = rotation.retireUnusedKeks();
        log.info("retire-keys: retired KEK versions {}; still in use (not retired) {}", result.retired(), result.stillInUse());
        return result.stillInUse().isEmpty() ? 0 : 1;
    }
}
