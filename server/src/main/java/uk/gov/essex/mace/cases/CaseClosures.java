package uk.gov.essex.mace.cases;

import java.util.List;
import java.util.Optional;

/** Which cases are closed and since when: what retention schedules count from. Ids and dates only. */
public interface CaseClosures {

    /** Every closed case. */
    List<ClosedCase> closed();

    /** The case if it exists and is closed. */
    Optional<ClosedCase> closed(String caseId);
}
