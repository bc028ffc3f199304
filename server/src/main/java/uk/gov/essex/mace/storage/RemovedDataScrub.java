package uk.gov.essex.mace.storage;

import java.util.concurrent.CompletableFuture;

/**
 * Makes what was removed from the embedded store unreadable in its file, for erasure: a removed
 * document's old pages, and any copy of them in the file's free space, are overwritten. Only the
 * embedded store has it; a real MongoDB's files are the operator's (docs/lawful-handling.md).
 */
public interface RemovedDataScrub {

    /** What one scrub did: ids and counts only. */
    record Report(int chunksRewritten, long bytesZeroed, int rounds) {}

    /**
     * Scrubs everything removed before this call, in the background (it takes some 25 seconds and
     * more on a large store). A scrub that has not started yet covers later calls too. If the hub
     * stops before it finishes, it runs again at the next start.
     */
    CompletableFuture<Report> scrub();
}
