package uk.gov.essex.mace.client;

import java.util.UUID;

/**
 * Per-call options that are not part of the request body.
 *
 * <p>{@code idempotencyKey}: every POST the SDK sends carries an {@code Idempotency-Key}, reused
 * for each retry of that call, so a retried share never stores an item twice. The SDK makes a
 * random UUID per call; supply your own (for example your system's record id) when you want the
 * guarantee to span calls too, such as re-running a batch after a crash: the hub returns the item
 * stored the first time instead of storing a second. One key with two different bodies is refused
 * with {@link IdempotencyKeyReusedException}.
 *
 * @param idempotencyKey the key to send, 8 to 128 of {@code A-Z a-z 0-9 . _ : -} (the hub's rule), or
 *     null for a random one
 */
public record RequestOptions(String idempotencyKey) {

    /** No options: a random idempotency key per call. */
    public static final RequestOptions NONE = new RequestOptions(null);

    public RequestOptions {
        if (idempotencyKey != null && !idempotencyKey.matches("[A-Za-z0-9._:-]{8,128}")) {
            throw new IllegalArgumentException("idempotencyKey must be 8 to 128 of A-Z a-z 0-9 . _ : -");
        }
    }

    /** Options with the given idempotency key. */
    public static RequestOptions idempotencyKey(String key) {
        return new RequestOptions(key);
    }

    /** The key to send: the supplied one, or a fresh random UUID. */
    public String keyOrRandom() {
        return idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
    }
}
