package uk.gov.essex.mace.meetings;

import java.time.LocalDate;
import uk.gov.essex.mace.partnership.Quadrant;

/** A meeting in a list: no case ids, no content. */
public record MeetingSummaryResponse(String id, Quadrant quadrant, LocalDate date, int agendaItems) {}
