package uk.gov.essex.mace.retention;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The partnership's retention schedules, from {@code config/retention.yml}.
 *
 * @param evaluationCron when the evaluation runs (Spring cron, Europe/London); {@code "-"} turns the
 *     schedule off (tests run it by hand)
 * @param caseSchedules how long a case is kept after it was closed: exactly one schedule for cases that
 *     went to MACE and one for those that did not
 * @param disruptionSchedule how long district councils' disruption updates (records about places, not
 *     children) are kept: counted from the end of the update's month, so a quadrant's month of updates,
 *     sealed under one data key, falls due and is erased together
 * @param recordTypes every kind of record the hub holds, and whose schedule it follows; start-up fails
 *     unless it lists exactly the kinds the features can erase, each following the schedule its erasure
 *     runs under, so nothing is stored without a schedule
 * @param ledgerFile the erasure ledger: one line per erased case (id, date, schedule), kept outside the
 *     database so that a restored database backup can be brought back in line (replayed at start-up and
 *     by every evaluation); default {@code ${hub.storage.data-dir}/keys/erased-cases.log}, beside the
 *     keystore, whose backups it should share
 */
@Validated
@ConfigurationProperties("hub.retention")
public record RetentionProperties(
        @NotBlank @DefaultValue(RetentionProperties.EVALUATION_CRON) String evaluationCron,
        @Valid @NotEmpty List<CaseSchedule> caseSchedules,
        @Valid @NotNull DisruptionSchedule disruptionSchedule,
        @NotEmpty Map<String, Follows> recordTypes,
        Path ledgerFile) {

    /** Nightly, after the MACE re-evaluation. */
    public static final String EVALUATION_CRON = "0 45 3 * * *";

    public RetentionProperties {
        caseSchedules = List.copyOf(caseSchedules);
        recordTypes = Map.copyOf(recordTypes);
        for (boolean mace : new boolean[] {true, false}) {
            long matching = caseSchedules.stream().filter(s -> s.wentToMace() == mace).count();
            if (matching != 1) {
                throw new IllegalArgumentException("hub.retention.case-schedules needs exactly one schedule with went-to-mace: "
                        + mace + " (found " + matching + ")");
            }
        }
        for (CaseSchedule s : caseSchedules) {
            if (s.retainAfterClosure().isNegative() || s.retainAfterClosure().isZero()) {
                throw new IllegalArgumentException("retention schedule " + s.id() + " must keep records for a positive period");
            }
        }
        if (disruptionSchedule != null
                && (disruptionSchedule.retainAfter().isNegative() || disruptionSchedule.retainAfter().isZero())) {
            throw new IllegalArgumentException("retention schedule " + disruptionSchedule.id()
                    + " must keep records for a positive period");
        }
    }

    /**
     * How long a closed case is kept.
     *
     * @param id stable id, recorded with every erasure (e.g. {@code case-closed-7y})
     * @param name what the schedule is, in words
     * @param wentToMace applies to cases for which a MACE criteria alert was ever raised (true) or not
     * @param retainAfterClosure kept this long after the day the case was closed (ISO-8601, e.g. {@code P7Y})
     */
    public record CaseSchedule(
            @NotBlank String id,
            @NotBlank String name,
            boolean wentToMace,
            @NotNull Period retainAfterClosure) {}

    /**
     * How long disruption updates are kept: a quadrant's month of them falls due on the first day
     * after the month plus {@code retainAfter}.
     *
     * @param id stable id, recorded with every erasure (e.g. {@code disruption-update-7y})
     * @param name what the schedule is, in words
     * @param retainAfter kept this long after the end of the update's month (ISO-8601, e.g. {@code P7Y})
     */
    public record DisruptionSchedule(
            @NotBlank String id,
            @NotBlank String name,
            @NotNull Period retainAfter) {}

    /** Whose schedule a kind of record follows. */
    public enum Follows {
        /** Kept as long as its case, and erased with it. */
        CASE,
        /**
         * Has its own schedule ({@code disruption-schedule}): kept for its period, then reviewed and
         * erased apart from any case.
         */
        OWN_SCHEDULE
    }
}
