package uk.gov.essex.mace.storage;

import io.netty.channel.Channel;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import uk.gov.essex.mace.storage.StorageProperties.Durability;

/**
 * The H2 backend, acknowledging a command that changes data only as its {@link CommitPolicy}
 * allows. The wire-protocol handler calls {@link #handleMessage} synchronously on a Netty worker
 * thread and turns any exception into an error reply, so waiting here delays only that reply,
 * and a failed commit reaches the client as a write error.
 *
 * <p>Only OP_MSG is guarded: it carries every command of the 5.x driver. The legacy OP_QUERY
 * command path, which that driver uses for its opening {@code hello} alone, takes a Netty type
 * this module does not compile against.
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;
    private final Path file;
    private final CommitPolicy commits;
    private final Housekeeping housekeeping;
    private final StableReplies replies = new StableReplies();

    DurableH2Backend(MVStore store, Path file, Durability durability) {
        super(store);
        this.store = store;
        this.file = file;
        this.commits = CommitPolicy.of(durability, durability == Durability.BACKGROUND
                ? StoreCommit.whole(store::commit)
                : SnapshotCommit.install(store));
        this.housekeeping = Housekeeping.start(store, commits, durability);
    }

    /** See {@link Housekeeping#onStep}. */
    void onCompactionStep(LongConsumer listener) {
        housekeeping.onStep(listener);
    }

    /** See {@link CommitPolicy#onCommit}. */
    void onCommit(LongConsumer listener) {
        commits.onCommit(listener);
    }

    /** See {@link Housekeeping#scrub}. */
    java.util.concurrent.CompletableFuture<RemovedDataScrub.Report> scrub() {
        return housekeeping.scrub();
    }

    /** See {@link Housekeeping#scrubQueued}. */
    boolean scrubQueued() {
        return housekeeping.scrubQueued();
    }

    /** See {@link Housekeeping#onMoves}. */
    void onPageMoves(Housekeeping.MovesListener listener) {
        housekeeping.onMoves(listener);
    }

    /** Each database opens its maps with the stored forms of {@link StoredMaps}. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // called from the superclass constructor too, before this class's fields are set
        return TypedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * Every command that may change data, {@code dropDatabase} included, arrives here; the
     * backend's own methods that it calls on the way must not wait again.
     */
    @Override
    public Document handleMessage(MongoMessage message) {
        Document command = message.getDocument();
        Supplier<Document> handle = () -> {
            // H2 reuses a dead chunk's space a few commits after it died, however old the chunk,
            // unless a version in use still needs it: a command registers the version it reads, so
            // a scan outlasting a burst of commits never meets a page whose chunk was overwritten
            MVStore.TxCounter reading = store.registerVersionUsage();
            try {
                return replies.handle(command, () -> super.handleMessage(message));
            } finally {
                store.deregisterVersionUsage(reading);
            }
        };
        if (WriteCommands.isWrite(command)) {
            return WriteCommands.journaled(command) ? commits.write(handle) : commits.apply(handle);
        }
        return handle.get();
    }

    /**
     * mongo-java-server 1.47 knows the handshake as {@code isMaster} only; the driver and Boot's
     * health indicator say {@code hello} (MongoDB 4.4+). Same answer, older name.
     */
    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            return super.handleCommand(channel, database, "isMaster", query);
        }
        return super.handleCommand(channel, database, command, query);
    }

    /**
     * Called by the server once its workers have stopped, so no write is in flight: commits what
     * is applied, closes the file and compacts it (see {@link StoreFile#close}).
     */
    @Override
    public void close() {
        try {
            housekeeping.stop();
            commits.flush();
            StoreFile.close(store, file);
        } finally {
            super.close();
        }
    }
}
