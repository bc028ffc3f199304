package uk.gov.essex.mace.client.live;

/**
 * Receives a live subscription's items. Calls come one at a time, in order, on the
 * subscription's own thread: keep them short (hand long work to your own executor).
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface LiveListener<T> {

    /** A new item, never one delivered before on this subscription. */
    void onItem(T item);

    /** The subscription is live (first connection, or again after a reconnect and catch-up). */
    default void onConnected() {}

    /** The connection was lost; the SDK is reconnecting and will catch up what was missed. */
    default void onDisconnected(Throwable cause) {}

    /** A failure the SDK cannot retry away by itself (e.g. a catch-up read refused); it keeps trying. */
    default void onError(RuntimeException error) {}
}
