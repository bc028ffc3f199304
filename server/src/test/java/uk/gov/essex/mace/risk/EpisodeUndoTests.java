package uk.gov.essex.mace.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Undoing a version of a missing episode whose audit entry could not be written takes back only
 * that version, and only while it is the episode's latest: a correction made on top of it in the
 * meantime (audited, and its author told it was stored) is never dropped with it.
 */
class EpisodeUndoTests {

    private static StoredEpisode.Version version(int number) {
        return new StoredEpisode.Version(number, Instant.parse("2026-03-01T20:00:00Z"), null, null, null, false,
                number == 1 ? StoredEpisode.Change.REPORTED : StoredEpisode.Change.CORRECTED, null, false,
                "csc.north", "essex-csc", Instant.parse("2026-03-01T21:00:00Z").plusSeconds(number));
    }

    private static CaseRiskRecord withVersions(int... numbers) {
        List<StoredEpisode.Version> versions = java.util.Arrays.stream(numbers).mapToObj(EpisodeUndoTests::version).toList();
        return new CaseRiskRecord("case-1", 1, List.of(), List.of(new StoredEpisode("episode-1", versions)), List.of());
    }

    private static List<Integer> numbers(CaseRiskRecord record) {
        return record.episodes().stream().flatMap(e -> e.versions().stream()).map(StoredEpisode.Version::number).toList();
    }

    @Test
    void whenTheVersionIsStillTheLatestThenOnlyItIsTakenBack() {
        assertThat(numbers(withVersions(1, 2).withoutEpisodeVersion("episode-1", 2))).containsExactly(1);
    }

    @Test
    void whenTheFirstVersionIsUndoneThenTheEpisodeIsGone() {
        assertThat(withVersions(1).withoutEpisodeVersion("episode-1", 1).episodes()).isEmpty();
    }

    @Test
    void whenAVersionWasMadeOnTopSinceThenEverythingStands() {
        assertThat(numbers(withVersions(1, 2, 3).withoutEpisodeVersion("episode-1", 2))).containsExactly(1, 2, 3);
        assertThat(numbers(withVersions(1, 2).withoutEpisodeVersion("episode-1", 1))).containsExactly(1, 2);
    }
}
