package uk.gov.essex.mace.web;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds Debian's {@code chromium} and {@code chromedriver} on the PATH, as {@code command -v}
 * would. Selenium is pointed at exactly these binaries, so it never downloads a browser or driver.
 *
 * <p>The browser tests run when both are installed, and always in CI ({@code CI} set), where a
 * missing browser makes them fail with a message saying what to install, rather than skip.
 */
public final class Browsers {

    static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";

    private Browsers() {}

    /** For {@code @EnabledIf}: true when the binaries are installed, or when running in CI. */
    public static boolean available() {
        return System.getenv("CI") != null || (find("chromium").isPresent() && find("chromedriver").isPresent());
    }

    static Path chromium() {
        return require("chromium");
    }

    static Path chromedriver() {
        return require("chromedriver");
    }

    private static Path require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException(
                "'" + name + "' is not on the PATH: the browser tests need Debian's chromium and chromium-driver ("
                        + INSTALL + "; .ci/run installs them)"));
    }

    static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, name))
                .filter(p -> p.toFile().isFile() && p.toFile().canExecute())
                .findFirst();
    }
}
