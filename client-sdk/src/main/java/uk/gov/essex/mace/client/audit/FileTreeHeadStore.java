package uk.gov.essex.mace.client.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import uk.gov.essex.mace.client.internal.Json;

/**
 * A {@link TreeHeadStore} in one JSON file, replaced atomically on each save so a crash mid-write
 * leaves the previous head, never a torn one.
 */
public final class FileTreeHeadStore implements TreeHeadStore {

    private final Path file;

    public FileTreeHeadStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Optional<TreeHead> latest() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(Files.readAllBytes(file), TreeHead.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tree head from " + file, e);
        }
    }

    @Override
    public synchronized void save(TreeHead head) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.write(tmp, Json.MAPPER.writeValueAsBytes(head));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save tree head to " + file, e);
        }
    }
}
