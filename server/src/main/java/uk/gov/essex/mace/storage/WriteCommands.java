package uk.gov.essex.mace.storage;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells a command that may change data from one that only reads, by its name, so that only
 * changes wait for a commit. Anything not known to be a read counts as a write: a needless
 * commit costs a few milliseconds, an acknowledged change lost on a crash costs a record.
 */
final class WriteCommands {

    private static final Set<String> READS = Set.of(
            "hello", "ismaster", "ping", "buildinfo", "whatsmyuri", "hostinfo", "getcmdlineopts",
            "getlog", "getparameter", "getfreemonitoringstatus", "connectionstatus", "serverstatus",
            "replsetgetstatus", "saslstart", "saslcontinue", "endsessions", "getlasterror",
            "find", "getmore", "killcursors", "count", "distinct", "explain", "validate",
            "listcollections", "listindexes", "listdatabases", "dbstats", "collstats");

    private WriteCommands() {
    }

    /** The command name is the first key of the command document (OP_MSG and OP_QUERY alike). */
    static boolean isWrite(Document command) {
        return command.isEmpty() || isWrite(command.keySet().iterator().next(), command);
    }

    static boolean isWrite(String name, Document command) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("aggregate")) {
            return writesOutput(command.get("pipeline"));
        }
        return !READS.contains(lower);
    }

    /**
     * Whether a write waits for the commit that makes it durable: all do, except one whose write
     * concern asks for acknowledgement without the journal ({@code j: false}), which the caller
     * uses only where a later acknowledged write covers it (see {@link CommitPolicy#apply}).
     */
    static boolean journaled(Document command) {
        return !(command.get("writeConcern") instanceof Map<?, ?> concern && Boolean.FALSE.equals(concern.get("j")));
    }

    /** An aggregation writes only through a {@code $out} or {@code $merge} stage. */
    private static boolean writesOutput(Object pipeline) {
        if (!(pipeline instanceof List<?> stages)) {
            return false;
        }
        return stages.stream()
                .filter(Map.class::isInstance)
                .map(Map.class::cast)
                .anyMatch(stage -> stage.containsKey("$out") || stage.containsKey("$merge"));
    }
}
