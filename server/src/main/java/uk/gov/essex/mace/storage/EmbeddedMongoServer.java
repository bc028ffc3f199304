package uk.gov.essex.mace.storage;

import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.essex.mace.storage.StorageProperties.Durability;

/**
 * The embedded MongoDB wire-protocol server (mongo-java-server with its file-backed H2 backend),
 * bound to loopback on an ephemeral port, acknowledging writes as its {@link Durability} says.
 */
public final class EmbeddedMongoServer implements AutoCloseable, RemovedDataScrub {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    static final String DATABASE = "macehub";
    static final String FILE_NAME = "hub.mv";
    /** Beside the file while a scrub asked for has not finished: the next start runs it again. */
    static final String SCRUB_PENDING = "hub.mv.scrub-pending";

    /**
     * A write waiting for its commit blocks the Netty worker that serves its connection, and with
     * it the other connections on that worker; enough workers that each pooled driver connection
     * usually has its own lets several writes join one commit.
     */
    private static final int WORKER_THREADS = Math.max(16, 2 * Runtime.getRuntime().availableProcessors());

    private final MongoServer server;
    private final DurableH2Backend backend;
    private final InetSocketAddress address;
    private final Path file;
    private final Object scrubRequests = new Object();

    private EmbeddedMongoServer(MongoServer server, DurableH2Backend backend, InetSocketAddress address, Path file) {
        this.server = server;
        this.backend = backend;
        this.address = address;
        this.file = file;
    }

    /** Opens (or creates) the database file under {@code dataDir} and starts serving it. */
    public static EmbeddedMongoServer start(Path dataDir, Durability durability) {
        return start(dataDir, durability, 0);
    }

    /** As {@link #start(Path, Durability)}, on a fixed loopback port (0: any free one). */
    public static EmbeddedMongoServer start(Path dataDir, Durability durability, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve(FILE_NAME);
        StoreFile.migrate(file);
        MVStore store = StoreFile.open(file, durability);
        try {
            StoredMaps.migrate(store); // the format is current now: this only opens the maps typed
            DurableH2Backend backend = new DurableH2Backend(store, file, durability);
            MongoServer server = new MongoServer(backend);
            server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
            InetSocketAddress address = server.getLocalAddress();
            log.info("Embedded MongoDB wire-protocol server on {} (file {}, durability {})", address, file, durability);
            EmbeddedMongoServer started = new EmbeddedMongoServer(server, backend, address, file);
            if (Files.exists(started.scrubPending())) {
                log.warn("A scrub of removed data did not finish before the store last stopped: it runs again now");
                started.scrub();
            }
            return started;
        } catch (RuntimeException e) {
            // a failed bind has already closed the backend and with it the store
            if (!store.isClosed()) {
                store.closeImmediately();
            }
            throw e;
        }
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE;
    }

    /** The database file, for operators and the storage benchmark (its size on disk). */
    public Path dataFile() {
        return file;
    }

    /**
     * Records the store's housekeeping for operators, at {@code /actuator/prometheus}, naming no
     * collection or document: each run of page moves beside writes ({@code hub.storage.page-moves},
     * and the bytes it moved in {@code hub.storage.page-moves.bytes}), and each of H2's own
     * compaction steps ({@code hub.storage.compaction}): how long it held the store, so how long
     * commits (and every write waiting for one) could wait behind it; and each group commit
     * ({@code hub.storage.commit}), which every acknowledged write waits for.
     */
    public void recordCompaction(MeterRegistry meters) {
        Timer steps = Timer.builder("hub.storage.compaction")
                .description("Embedded store: one chunk-compaction step, during which commits wait")
                .publishPercentileHistogram()
                .register(meters);
        backend.onCompactionStep(nanos -> steps.record(nanos, TimeUnit.NANOSECONDS));
        Timer moves = Timer.builder("hub.storage.page-moves")
                .description("Embedded store: one run of moving live pages out of sparse chunks, beside writes")
                .publishPercentileHistogram()
                .register(meters);
        DistributionSummary moved = DistributionSummary.builder("hub.storage.page-moves.bytes")
                .description("Embedded store: bytes of pages one run of page moves wrote again")
                .baseUnit("bytes")
                .register(meters);
        Timer commits = Timer.builder("hub.storage.commit")
                .description("Embedded store: one group commit, from taking the store to the end of its write")
                .publishPercentileHistogram()
                .register(meters);
        backend.onCommit(nanos -> commits.record(nanos, TimeUnit.NANOSECONDS));
        backend.onPageMoves((nanos, bytes) -> {
            moves.record(nanos, TimeUnit.NANOSECONDS);
            moved.record(bytes);
        });
    }

    /**
     * {@inheritDoc} The request is written beside the file first, so a stop before the scrub
     * finishes leaves it to the next start.
     */
    @Override
    public CompletableFuture<Report> scrub() {
        Path pending = scrubPending();
        CompletableFuture<Report> scrubbed;
        // the request is written and queued, and a finished scrub checks for a queued one and removes
        // the request, under one lock: a request made while a scrub ends is never removed unscrubbed
        synchronized (scrubRequests) {
            try {
                Files.writeString(pending, Instant.now().toString());
            } catch (IOException e) {
                return CompletableFuture.failedFuture(new UncheckedIOException("cannot record the scrub request", e));
            }
            scrubbed = backend.scrub();
        }
        return scrubbed.whenComplete((report, failure) -> {
            if (failure != null) {
                return;
            }
            log.info("Removed data scrubbed from the store file: {} chunk(s) written again, {} bytes of free space zeroed, "
                    + "{} round(s)", report.chunksRewritten(), report.bytesZeroed(), report.rounds());
            synchronized (scrubRequests) {
                if (!backend.scrubQueued()) {
                    try {
                        Files.deleteIfExists(pending);
                    } catch (IOException e) {
                        log.warn("Scrub done, but its request could not be removed: the next start scrubs again", e);
                    }
                }
            }
        });
    }

    private Path scrubPending() {
        return file.resolveSibling(SCRUB_PENDING);
    }

    /** Stops serving, commits what is applied, closes the file and compacts it. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
