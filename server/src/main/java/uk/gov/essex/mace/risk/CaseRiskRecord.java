package uk.gov.essex.mace.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every risk record of one case: one document, so that each change is one atomic write that also
 * raises {@code version}.
 */
record CaseRiskRecord(
        String caseId,
        long version,
        List<StoredAssessment> assessments,
        List<StoredEpisode> episodes,
        List<StoredIndicator> indicators) {

    CaseRiskRecord {
        assessments = List.copyOf(assessments);
        episodes = List.copyOf(episodes);
        indicators = List.copyOf(indicators);
    }

    static CaseRiskRecord empty(String caseId) {
        return new CaseRiskRecord(caseId, 0, List.of(), List.of(), List.of());
    }

    CaseRiskRecord withVersion(long next) {
        return new CaseRiskRecord(caseId, next, assessments, episodes, indicators);
    }

    Optional<StoredAssessment> currentAssessment() {
        return assessments.stream().max(StoredAssessment.CURRENCY);
    }

    Optional<StoredEpisode> episode(String id) {
        return episodes.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    CaseRiskRecord withAssessment(StoredAssessment added) {
        return new CaseRiskRecord(caseId, version, plus(assessments, added), episodes, indicators);
    }

    CaseRiskRecord withoutAssessment(String id) {
        return new CaseRiskRecord(caseId, version, minus(assessments, a -> a.id().equals(id)), episodes, indicators);
    }

    CaseRiskRecord withIndicator(StoredIndicator added) {
        return new CaseRiskRecord(caseId, version, assessments, episodes, plus(indicators, added));
    }

    CaseRiskRecord withoutIndicator(String id) {
        return new CaseRiskRecord(caseId, version, assessments, episodes, minus(indicators, i -> i.id().equals(id)));
    }

    /** Adds the episode, or replaces the stored one with the same id (a new version of it). */
    CaseRiskRecord withEpisode(StoredEpisode episode) {
        List<StoredEpisode> all = minus(episodes, e -> e.id().equals(episode.id()));
        all.add(episode);
        return new CaseRiskRecord(caseId, version, assessments, all, indicators);
    }

    /**
     * Undoes version {@code number} of an episode (its audit entry could not be written), only
     * while it is still the episode's latest: a version made on top of it since stands, and so
     * does the one it was made on (version 1 undone removes the episode).
     */
    CaseRiskRecord withoutEpisodeVersion(String id, int number) {
        List<StoredEpisode> all = new ArrayList<>();
        for (StoredEpisode e : episodes) {
            if (!e.id().equals(id) || e.current().number() != number) {
                all.add(e);
            } else if (number > 1) {
                all.add(new StoredEpisode(id, e.versions().stream().filter(v -> v.number() < number).toList()));
            }
        }
        return new CaseRiskRecord(caseId, version, assessments, all, indicators);
    }

    /**
     * The facts the criteria are decided from. Only indicators under a label in {@code countable}
     * are in it: one whose label withholds even its existence from some readers of the case must
     * not show through anything derived from the snapshot (a review prompt, a count).
     */
    RiskSnapshot snapshot(Predicate<String> countable) {
        Optional<StoredAssessment> current = currentAssessment();
        return new RiskSnapshot(caseId, version,
                current.map(StoredAssessment::level).orElse(null),
                current.map(StoredAssessment::knownToBeExploited).orElse(false),
                episodes.stream().map(StoredEpisode::current).filter(v -> !v.deleted())
                        .map(StoredEpisode.Version::startedAt).toList(),
                indicators.stream().filter(i -> countable.test(i.label()))
                        .map(i -> new RiskSnapshot.IndicatorSighting(i.recordedByAgency(), i.observedOn())).toList());
    }

    private static <T> List<T> plus(List<T> list, T added) {
        List<T> all = new ArrayList<>(list);
        all.add(added);
        return all;
    }

    private static <T> List<T> minus(List<T> list, Predicate<T> removed) {
        List<T> all = new ArrayList<>(list);
        all.removeIf(removed);
        return all;
    }
}
