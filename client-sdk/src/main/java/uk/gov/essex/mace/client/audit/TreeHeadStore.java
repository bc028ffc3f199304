package uk.gov.essex.mace.client.audit;

import java.util.Optional;

/**
 * Where a partner keeps the signed tree heads it has verified, so that later it can demand proof
 * that the hub's trail only grew since. Keep it somewhere the hub's operators cannot write (your
 * own database, a file on your own host). Implementations must be safe for the SDK to call from
 * one thread at a time; {@link AuditClient#checkConsistency(TreeHeadStore, java.security.PublicKey)}
 * is the intended caller.
 */
public interface TreeHeadStore {

    /** The most recent verified head, if any has been saved. */
    Optional<TreeHead> latest();

    /** Records a head that was just verified to be consistent with {@link #latest()}. */
    void save(TreeHead head);
}
