package uk.gov.essex.mace.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;

/**
 * When a failed attempt may be repeated. The line is drawn by what the hub might already have
 * done: a request that never reached it, or that it answered 429/503 (the hub's way of saying
 * "not done, come back"), may always be repeated; a request that may have been carried out may be
 * repeated only when repeating it cannot do it twice.
 */
public enum Retry {

    /**
     * Reads, PUT and DELETE, and POSTs the hub de-duplicates by {@code Idempotency-Key}: retried on
     * any connection failure, 429, 500, 502, 503 and 504.
     */
    SAFE,

    /**
     * POSTs the hub does not (yet) de-duplicate: retried only when the request cannot have been
     * carried out (the connection was never made, 429, 503), never on a timeout or a 500.
     */
    ONLY_IF_NOT_PROCESSED;

    public boolean afterFailure(IOException e) {
        return this == SAFE || e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                || e.getCause() instanceof ConnectException;
    }

    public boolean afterStatus(int status) {
        if (status == 429 || status == 503) {
            return true;
        }
        return this == SAFE && (status == 500 || status == 502 || status == 504);
    }
}
