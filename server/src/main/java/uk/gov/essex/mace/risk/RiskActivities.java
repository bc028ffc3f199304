package uk.gov.essex.mace.risk;

import java.util.Collection;
import java.util.function.Consumer;

/** The risk records of many cases in outline, for pseudonymised aggregates (the MACE Part 2 profile). */
public interface RiskActivities {

    /** Streams the activity of each of {@code caseIds} that has risk records, in no particular order. */
    void forEach(Collection<String> caseIds, Consumer<RiskActivity> consumer);
}
