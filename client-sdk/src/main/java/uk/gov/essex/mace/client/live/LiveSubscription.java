package uk.gov.essex.mace.client.live;

/** A running live subscription. Close it to stop receiving and release its connection. */
public interface LiveSubscription extends AutoCloseable {

    /** Whether it is connected and live right now (false while reconnecting). */
    boolean isConnected();

    /** How many times it has (re)connected successfully. */
    int connections();

    /** Stops the subscription: disconnects and stops reconnecting. Idempotent. */
    @Override
    void close();
}
