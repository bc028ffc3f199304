package uk.gov.essex.mace.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * A meeting as the caller may see it: agenda items for cases the caller may not read are left
 * out, and counted in {@code withheldItems} so the caller knows there is more to ask about.
 */
public record MeetingResponse(
        String id,
        Quadrant quadrant,
        LocalDate date,
        Instant createdAt,
        String createdBy,
        List<AgendaItemResponse> agenda,
        int withheldItems) {}
