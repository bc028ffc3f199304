package uk.gov.essex.mace.client.live;

import java.util.List;

/**
 * Fetches, over REST, what a subscription may have missed while it was not subscribed.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface CatchUp<T> {

    /**
     * Items published after {@code lastSeen} (or, when null, since the subscription was created),
     * oldest first. Returning items already delivered is fine: they are de-duplicated by id.
     */
    List<T> missedSince(T lastSeen);
}
