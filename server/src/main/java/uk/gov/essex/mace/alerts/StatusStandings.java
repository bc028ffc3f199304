package uk.gov.essex.mace.alerts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@link MaceStandings} from the stored standings. */
@Component
class StatusStandings implements MaceStandings {

    private final CriteriaStatuses statuses;

    StatusStandings(CriteriaStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public List<MaceStanding> standings(Instant leftSince) {
        return statuses.standing().stream()
                .filter(s -> s.inCriteria() || (s.leftAt() != null && !s.leftAt().isBefore(leftSince)))
                .map(s -> new MaceStanding(s.caseId(), s.inCriteria(), maceReasons(s), s.enteredAt(), s.leftAt()))
                .toList();
    }

    private static Set<AlertReason> maceReasons(CriteriaStatus status) {
        return status.active().stream().filter(AlertReason::maceCriterion)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AlertReason.class)));
    }
}
