package uk.gov.essex.mace.client.internal;

import java.util.function.Supplier;
import uk.gov.essex.mace.client.AuthenticationException;

/** Tokens from the caller's own supplier, asked before every request (it is expected to cache). */
public final class SuppliedTokens implements TokenSource {

    private final Supplier<String> supplier;

    public SuppliedTokens(Supplier<String> supplier) {
        this.supplier = supplier;
    }

    @Override
    public String token() {
        String token = supplier.get();
        if (token == null || token.isBlank()) {
            throw new AuthenticationException(0, null, "No token", "The token supplier returned no token.", null, null, null);
        }
        return token;
    }

    @Override
    public void invalidate(String token) {
        // the supplier is asked again for the retry; it decides whether to refresh
    }
}
