package uk.gov.essex.mace.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.disruption.DisruptionErasure.MonthScope;
import uk.gov.essex.mace.storage.StorageProperties;

/**
 * The erasure ledger: an append-only text file, one line per erased case ({@code caseId<TAB>erasedAt
 * <TAB>schedule}) or erased quadrant-month of disruption updates (its key scope
 * {@code disruption:QUADRANT:yyyy-MM} in place of the case id), ids and dates only. It lives outside the database on purpose: a database restored
 * from a backup taken before an erasure brings the case (or month) back, and the hub erases it again
 * from this list (at start-up and in every evaluation). Keep it with the keystore and back it up with it.
 */
@Component
class ErasureLedger {

    private final Path file;

    ErasureLedger(RetentionProperties properties, StorageProperties storage) {
        this.file = properties.ledgerFile() != null ? properties.ledgerFile()
                : storage.dataDir().resolve("keys").resolve("erased-cases.log");
    }

    Path file() {
        return file;
    }

    /**
     * Appends the case (or a month's key scope), and forces it to disk before returning: the entry must
     * outlive what it erases.
     */
    synchronized void record(String caseId, Instant at, String schedule) {
        if (caseId.contains("\t") || caseId.contains("\n")) {
            throw new IllegalArgumentException("case id cannot be written to the ledger");
        }
        byte[] line = (caseId + "\t" + at + "\t" + schedule + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the erasure ledger " + file, e);
        }
    }

    /** Every case id in the ledger, in the order erased; empty when there is no ledger yet. */
    Set<String> caseIds() {
        Set<String> ids = new LinkedHashSet<>(ids());
        ids.removeIf(id -> MonthScope.parse(id).isPresent());
        return ids;
    }

    /** Every erased quadrant-month of disruption updates in the ledger, in the order erased. */
    Set<MonthScope> monthScopes() {
        Set<MonthScope> scopes = new LinkedHashSet<>();
        ids().forEach(id -> MonthScope.parse(id).ifPresent(scopes::add));
        return scopes;
    }

    private Set<String> ids() {
        if (!Files.exists(file)) {
            return Set.of();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Set<String> ids = new LinkedHashSet<>();
            for (String line : lines) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    ids.add(line.substring(0, tab));
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the erasure ledger " + file, e);
        }
    }
}
