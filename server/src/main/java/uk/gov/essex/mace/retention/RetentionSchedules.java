package uk.gov.essex.mace.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.alerts.MaceHistory;
import uk.gov.essex.mace.cases.ClosedCase;

/**
 * Decides which schedule a closed case is kept under and the day it falls due: the day it was closed
 * (Europe/London) plus the schedule's period. A case for which a MACE alert was ever raised is kept
 * under the MACE schedule, whatever became of the alert.
 */
@Component
class RetentionSchedules {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final RetentionProperties properties;
    private final MaceHistory mace;
    private final Clock clock;

    RetentionSchedules(RetentionProperties properties, MaceHistory mace, Clock clock) {
        this.properties = properties;
        this.mace = mace;
        this.clock = clock;
    }

    /** Where a closed case stands against its schedule today. */
    Standing standing(ClosedCase closed) {
        boolean wentToMace = mace.wentToMace(closed.caseId());
        RetentionProperties.CaseSchedule schedule = properties.caseSchedules().stream()
                .filter(s -> s.wentToMace() == wentToMace).findFirst().orElseThrow();
        LocalDate closedOn = closed.closedAt().atZone(LONDON).toLocalDate();
        LocalDate dueOn = closedOn.plus(schedule.retainAfterClosure());
        return new Standing(closed, schedule, closedOn, dueOn, !today().isBefore(dueOn));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(LONDON));
    }

    /**
     * @param due the due day has come
     */
    record Standing(ClosedCase closed, RetentionProperties.CaseSchedule schedule, LocalDate closedOn, LocalDate dueOn,
            boolean due) {}
}
