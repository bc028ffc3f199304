package uk.gov.essex.mace.client.intel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.gov.essex.mace.client.ValidationException;
import uk.gov.essex.mace.client.live.CatchUp;
import uk.gov.essex.mace.client.live.LiveListener;

/**
 * Where a case feed subscription resumes from: the newest item, in timeline order, that it has
 * delivered (its anchor). Live {@code SHARED} events and caught-up items move the anchor; edits
 * and withdrawals of older items do not (they say nothing about what was shared since). After a
 * dropped connection, {@link #missedSince} fetches the items shared after the anchor, oldest first
 * ({@code GET .../intel?after=}, so items the caller may not see leave no trace in the walk);
 * the subscription de-duplicates them against what arrived live by {@link CaseFeedEvent#stateKey()}.
 *
 * <p>Used only on its subscription's one thread (catch-up and deliveries alike), so unsynchronised.
 */
final class CaseFeedResume implements CatchUp<CaseFeedEvent> {

    private static final int PAGE = 50;

    /** An item to resume after: its id, and its time of sharing as a backstop should it vanish. */
    record Anchor(String itemId, Instant sharedAt) {
        static Anchor of(IntelItem item) {
            return new Anchor(item.id(), item.sharedAt());
        }
    }

    private final IntelClient intel;
    private final String caseId;
    private Anchor anchor;
    /** For each item delivered, the rank ({@link #rank}) of the newest state delivered. */
    private final Map<String, Integer> newestDelivered = new HashMap<>();

    /** @param anchor the item to resume after, or null for the beginning of the case */
    CaseFeedResume(IntelClient intel, String caseId, Anchor anchor) {
        this.intel = intel;
        this.caseId = caseId;
        this.anchor = anchor;
    }

    /** Orders an item's states: each revision, and its withdrawal after it (a withdrawn item is never edited). */
    static int rank(IntelItem item) {
        return item.revision() * 2 + ("WITHDRAWN".equals(item.status()) ? 1 : 0);
    }

    @Override
    public List<CaseFeedEvent> missedSince(CaseFeedEvent lastDelivered) {
        List<IntelItem> missed = sharedAfter(anchor);
        if (!missed.isEmpty()) {
            anchor = Anchor.of(missed.get(missed.size() - 1));
        }
        return missed.stream().map(CaseFeedEvent::caughtUp).toList();
    }

    /**
     * The listener, behind a step that moves the anchor on each newly shared item delivered and
     * drops an event older than one already delivered for the same item (two changes to one item
     * made at the same moment can arrive in either order, say from two hub instances): the last
     * event the listener gets about an item shows where it stands, a withdrawal never followed by
     * the edit before it.
     */
    LiveListener<CaseFeedEvent> tracking(LiveListener<CaseFeedEvent> listener) {
        return new LiveListener<>() {
            @Override
            public void onItem(CaseFeedEvent event) {
                int rank = rank(event.item());
                Integer newest = newestDelivered.get(event.item().id());
                if (newest != null && newest > rank) {
                    return;
                }
                newestDelivered.put(event.item().id(), rank);
                if (event.change() == CaseFeedEvent.Change.SHARED) {
                    anchor = Anchor.of(event.item());
                }
                listener.onItem(event);
            }

            @Override
            public void onConnected() {
                listener.onConnected();
            }

            @Override
            public void onDisconnected(Throwable cause) {
                listener.onDisconnected(cause);
            }

            @Override
            public void onError(RuntimeException error) {
                listener.onError(error);
            }
        };
    }

    /** For tests: the item the next catch-up resumes after. */
    Anchor anchor() {
        return anchor;
    }

    /**
     * The items shared after {@code after} (all of them when null), oldest first, each in its
     * current state: a forward walk with {@code GET .../intel?after={itemId}}. Should the hub refuse
     * the anchor (it was erased, or relabelled so the caller may no longer know it exists), pages
     * the newest-first timeline back until an item shared before the anchor's time instead.
     */
    private List<IntelItem> sharedAfter(Anchor after) {
        if (after == null) {
            return walkBack(null);
        }
        List<IntelItem> oldestFirst = new ArrayList<>();
        String from = after.itemId();
        try {
            while (from != null) {
                IntelPage page = intel.timelineAfter(caseId, from, PAGE);
                oldestFirst.addAll(page.items());
                from = page.items().isEmpty() ? null : page.nextAfter();
            }
        } catch (ValidationException anchorRefused) {
            if (!oldestFirst.isEmpty()) {
                throw anchorRefused; // a cursor the hub itself gave moments ago: not a vanished anchor
            }
            return walkBack(after);
        }
        return oldestFirst;
    }

    /** Pages back from the newest item until {@code after} (or an item shared before it); oldest first. */
    private List<IntelItem> walkBack(Anchor after) {
        List<IntelItem> newestFirst = new ArrayList<>();
        String before = null;
        do {
            IntelPage page = intel.timelinePage(caseId, before, PAGE);
            for (IntelItem item : page.items()) {
                if (after != null && (item.id().equals(after.itemId()) || sharedBefore(item, after))) {
                    Collections.reverse(newestFirst);
                    return newestFirst;
                }
                newestFirst.add(item);
            }
            before = page.items().isEmpty() ? null : page.nextBefore();
        } while (before != null);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static boolean sharedBefore(IntelItem item, Anchor anchor) {
        return item.sharedAt() != null && anchor.sharedAt() != null && item.sharedAt().isBefore(anchor.sharedAt());
    }
}
