package uk.gov.essex.mace.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A new, empty data directory under {@code target/} for a hub a test class starts. */
public final class FreshDataDir {

    private FreshDataDir() {
    }

    /** For a static initialiser: a failure stops the class from loading, as it should. */
    public static Path create(String prefix) {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target"), prefix);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
