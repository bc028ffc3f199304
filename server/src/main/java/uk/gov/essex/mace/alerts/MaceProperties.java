package uk.gov.essex.mace.alerts;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The MACE criteria and alert handling, as the partnership has agreed them.
 *
 * @param missingEpisodes how many missing episodes within the window meet the criteria (seed: 3)
 * @param missingEpisodesWindow the rolling window, in calendar days of Europe/London (seed: "4
 *     week period", 28 days); half-open: an episode exactly this long after the first is outside
 * @param reviewPromptAgencies how many different agencies recording indicators within the review
 *     window prompt a review of the risk assessment
 * @param reviewPromptWindow the window for the review prompt (30 days)
 * @param acknowledgeWithin an alert not acknowledged this long after it was raised escalates to the
 *     quadrant's chair
 * @param reEvaluationCron when the full re-evaluation runs (Spring cron, Europe/London)
 * @param escalationCron how often overdue alerts are looked for (Spring cron)
 */
@Validated
@ConfigurationProperties("hub.mace")
public record MaceProperties(
        @Min(2) @DefaultValue("3") int missingEpisodes,
        @NotNull @DefaultValue("28d") Period missingEpisodesWindow,
        @Min(2) @DefaultValue("2") int reviewPromptAgencies,
        @NotNull @DefaultValue("30d") Period reviewPromptWindow,
        @NotNull @DefaultValue("24h") Duration acknowledgeWithin,
        @NotBlank @DefaultValue(MaceProperties.RE_EVALUATION_CRON) String reEvaluationCron,
        @NotBlank @DefaultValue(MaceProperties.ESCALATION_CRON) String escalationCron) {

    /** Nightly, when the hub is quiet. */
    public static final String RE_EVALUATION_CRON = "0 30 2 * * *";
    /** Every minute. */
    public static final String ESCALATION_CRON = "0 * * * * *";

    public MaceProperties {
        requirePositive(missingEpisodesWindow, "hub.mace.missing-episodes-window");
        requirePositive(reviewPromptWindow, "hub.mace.review-prompt-window");
        if (acknowledgeWithin != null && (acknowledgeWithin.isNegative() || acknowledgeWithin.isZero())) {
            throw new IllegalArgumentException("hub.mace.acknowledge-within must be positive");
        }
    }

    /** The settings as one string: an evaluation made under other settings is not current. */
    String fingerprint() {
        return "n=" + missingEpisodes + ";w=" + missingEpisodesWindow + ";a=" + reviewPromptAgencies + ";r="
                + reviewPromptWindow;
    }

    private static void requirePositive(Period period, String name) {
        if (period != null && (period.isNegative() || period.isZero())) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
