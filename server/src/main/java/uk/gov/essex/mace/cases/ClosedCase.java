package uk.gov.essex.mace.cases;

import java.time.Instant;
import uk.gov.essex.mace.partnership.Quadrant;

/** A closed case as retention sees it: ids and dates, no content. */
public record ClosedCase(String caseId, Quadrant quadrant, Instant closedAt) {}
