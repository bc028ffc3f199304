package uk.gov.essex.mace.storage;

import com.mongodb.client.MongoClient;

/** A database the storage contract runs against, which a test can restart. */
interface StoreUnderTest extends AutoCloseable {

    /** A new client for the store as it now runs; the caller closes it. */
    MongoClient connect();

    /** Stops the database and starts it again on the same data. */
    void restart();

    @Override
    void close();
}
