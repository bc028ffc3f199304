package uk.gov.essex.mace.alerts;

import java.time.Instant;
import java.util.List;

/** Which cases meet the MACE criteria, and which have left them: what a Part 1 agenda is built from. */
public interface MaceStandings {

    /** Every case in the criteria now, and every case that left them at or after {@code leftSince}. */
    List<MaceStanding> standings(Instant leftSince);
}
