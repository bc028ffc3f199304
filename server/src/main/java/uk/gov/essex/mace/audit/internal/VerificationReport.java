package uk.gov.essex.mace.audit.internal;

import java.time.Duration;

/**
 * The outcome of walking the whole trail.
 *
 * @param intact true when nothing was found wrong
 * @param entriesChecked entries read and checked before stopping
 * @param treeHeadsChecked signed tree heads checked
 * @param verifiedTreeSize size of the largest tree head verified (entries after it are checked
 *     one by one but no head vouches for them yet)
 * @param firstFinding the first problem by sequence number, or {@code null}
 * @param elapsed how long the walk took
 */
public record VerificationReport(
        boolean intact,
        long entriesChecked,
        long treeHeadsChecked,
        long verifiedTreeSize,
        TamperFinding firstFinding,
        Duration elapsed) {}
