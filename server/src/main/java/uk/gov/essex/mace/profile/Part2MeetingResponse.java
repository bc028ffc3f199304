package uk.gov.essex.mace.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.partnership.Quadrant;

/** A recorded MACE Part 2 meeting and its themes. */
public record Part2MeetingResponse(
        String id,
        Quadrant quadrant,
        String quarter,
        LocalDate heldOn,
        List<RecordPart2MeetingRequest.Theme> themes,
        String recordedBy,
        String recordedByAgency,
        Instant recordedAt) {}
