package uk.gov.essex.mace.storage;

import de.bwaldvogel.mongo.bson.Document;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Makes each reply of the embedded server a snapshot. The backend answers a query or a
 * {@code findAndModify} with the stored document objects themselves and encodes the reply after
 * leaving the collection's lock, while an update changes a stored document object in place, under
 * that lock. So a reply could be encoded half before and half after another client's update: two
 * concurrent {@code $inc} on a counter both answered with the second value (found by the sequence
 * contract test once increments stopped waiting for a commit each).
 *
 * <p>Every command on a collection runs here under that collection's own lock, and its reply is
 * copied before the lock is let go; a command on one collection no longer runs beside another on
 * the same collection, which the backend's per-collection lock already nearly ensured. The lock is
 * taken inside the commit policy's (see {@link GroupCommit}), never around it.
 */
final class StableReplies {

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    Document handle(Document command, Supplier<Document> run) {
        String namespace = namespace(command);
        if (namespace == null) {
            return run.get();
        }
        ReentrantLock lock = locks.computeIfAbsent(namespace, n -> new ReentrantLock());
        lock.lock();
        try {
            return run.get().cloneDeeply();
        } finally {
            lock.unlock();
        }
    }

    /** {@code db.collection} for a command on one collection; null for any other command. */
    static String namespace(Document command) {
        if (command.isEmpty() || !(command.get("$db") instanceof String database)) {
            return null;
        }
        String name = command.keySet().iterator().next();
        Object target = "getMore".equalsIgnoreCase(name) ? command.get("collection") : command.get(name);
        return target instanceof String collection ? database + "." + collection : null;
    }
}
