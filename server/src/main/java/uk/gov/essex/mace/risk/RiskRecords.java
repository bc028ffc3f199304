package uk.gov.essex.mace.risk;

import java.util.Optional;
import java.util.function.Consumer;

/** What other features may read of the risk records: snapshots for the MACE criteria, nothing else. */
public interface RiskRecords {

    /** The case's risk snapshot; empty when nothing has been recorded for it. */
    Optional<RiskSnapshot> snapshot(String caseId);

    /** Streams the snapshot of every case with risk records (the full re-evaluation). */
    void forEachSnapshot(Consumer<RiskSnapshot> consumer);
}
