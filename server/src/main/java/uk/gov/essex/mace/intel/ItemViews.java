package uk.gov.essex.mace.intel;

import java.util.List;
import java.util.Optional;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.CaseFacts;

/**
 * Stored items for features that show one item to many viewers at once (the live case feed) or
 * count what a viewer has not read yet. The item is loaded once; each projection still goes
 * through {@link IntelProjection}, the one redaction of an item, so nothing here can show a viewer
 * more than the API would.
 */
public interface ItemViews {

    /** The item's current revision, if it exists on that case. */
    Optional<ItemView> current(String caseId, String itemId);

    /** Items of the case with {@code seq > afterSeq}, oldest first, at most {@code limit}. */
    List<ItemView> after(String caseId, long afterSeq, int limit);

    /** One stored item, ready to be projected for any number of viewers. */
    interface ItemView {

        String id();

        long seq();

        /** The item's handling label. */
        String label();

        /** The labels of the current revision's restricted segments, in text order. */
        List<String> segmentLabels();

        /**
         * What {@code viewer} may see of the item: exactly {@code IntelProjection.project}; empty
         * when they may not know it exists. Decrypts only what that viewer may read.
         */
        Optional<IntelItemResponse> projectFor(HubPrincipal viewer, CaseFacts facts);
    }
}
