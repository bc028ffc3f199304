package uk.gov.essex.mace.client.internal;

/** Where the SDK gets the bearer token for each request. Implementations are thread-safe. */
public interface TokenSource {

    /** A token believed valid now. */
    String token();

    /** The hub refused {@code token} (401): do not hand it out again. */
    void invalidate(String token);
}
