package uk.gov.essex.mace.client.audit;

import java.util.Optional;

/** A {@link TreeHeadStore} that forgets on restart: for tests and short-lived checks. */
public final class InMemoryTreeHeadStore implements TreeHeadStore {

    private volatile TreeHead latest;

    @Override
    public Optional<TreeHead> latest() {
        return Optional.ofNullable(latest);
    }

    @Override
    public void save(TreeHead head) {
        latest = head;
    }
}
