package uk.gov.essex.mace.retention;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.disruption.DisruptionErasure.MonthScope;

/**
 * When a quadrant-month of disruption updates falls due: the first day after the month
 * (Europe/London dates, as the updates are dated) plus the disruption schedule's period, so the
 * month's last update is kept the whole period.
 */
@Component
class MonthSchedule {

    private final RetentionProperties.DisruptionSchedule schedule;
    private final RetentionSchedules schedules;

    MonthSchedule(RetentionProperties properties, RetentionSchedules schedules) {
        this.schedule = properties.disruptionSchedule();
        this.schedules = schedules;
    }

    RetentionProperties.DisruptionSchedule schedule() {
        return schedule;
    }

    LocalDate dueOn(MonthScope scope) {
        return scope.month().plusMonths(1).atDay(1).plus(schedule.retainAfter());
    }

    boolean due(MonthScope scope) {
        return !schedules.today().isBefore(dueOn(scope));
    }

    /** Every update dated before this day may be in a due month (and none after it is). */
    LocalDate candidatesBefore() {
        return schedules.today().minus(schedule.retainAfter()).plusDays(1);
    }
}
