package uk.gov.essex.mace.risk;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One exploitation indicator as recorded. The source note is the only free text and lives in one
 * field, so that intelligence handling labels and redaction can be applied to it in one place.
 */
record StoredIndicator(
        String id,
        ExploitationIndicator indicator,
        LocalDate observedOn,
        String sourceNote,
        String recordedBy,
        String recordedByAgency,
        Instant recordedAt) {}
