package uk.gov.essex.mace.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small-number rule, including the attack it exists to stop: subtracting shown counts from a total. */
class SuppressionTests {

    private static List<Count> counts(long... values) {
        List<Count> cells = new ArrayList<>();
        for (long v : values) {
            cells.add(Count.of(v));
        }
        return cells;
    }

    private static Count total(List<Count> parts) {
        return Count.of(parts.stream().mapToLong(Count::value).sum());
    }

    /** What an attacker learns: the total minus every shown part, i.e. the sum of the withheld parts. */
    private static long subtraction(Count total, List<Count> parts) {
        return total.value() - parts.stream().filter(c -> !c.suppressed()).mapToLong(Count::value).sum();
    }

    @ParameterizedTest(name = "{0} is withheld")
    @ValueSource(longs = {1, 2, 3, 4})
    void whenCountIsOneToFourThenWithheld(long value) {
        Suppression s = new Suppression();
        Count c = s.add(Count.of(value));

        s.apply();

        assertThat(c.suppressed()).isTrue();
        assertThat(c.display()).isEqualTo("<5");
        assertThat(c.json()).isEqualTo(java.util.Map.of("suppressed", true));
    }

    @ParameterizedTest(name = "{0} is shown")
    @ValueSource(longs = {0, 5, 6, 120})
    void whenCountIsZeroOrFiveAndMoreThenShown(long value) {
        Suppression s = new Suppression();
        Count c = s.add(Count.of(value));

        s.apply();

        assertThat(c.suppressed()).isFalse();
        assertThat(c.json()).isEqualTo(value);
    }

    @Test
    void whenOneCellOfAColumnIsWithheldThenTheNextSmallestIsToo() {
        Suppression s = new Suppression();
        List<Count> parts = counts(3, 12, 7, 0);   // CSE, CCE, BOTH, NOT_YET_KNOWN
        Count total = total(parts);
        s.group(total, parts);

        s.apply();

        assertThat(parts).extracting(Count::suppressed).containsExactly(true, false, true, false);
        assertThat(total.suppressed()).isFalse();
        // The attack: 22 - 12 - 0 = 10, which is CSE + BOTH together, not the 3.
        assertThat(subtraction(total, parts)).isEqualTo(10);
    }

    @Test
    void whenTwoWithheldCellsAddUpToFewerThanFiveThenAThirdIsWithheld() {
        Suppression s = new Suppression();
        List<Count> parts = counts(1, 2, 30, 9);
        Count total = total(parts);
        s.group(total, parts);

        s.apply();

        assertThat(parts).extracting(Count::suppressed).containsExactly(true, true, false, true);
        assertThat(subtraction(total, parts)).isEqualTo(12);
    }

    @Test
    void whenEveryOtherCellIsZeroThenTheTotalIsWithheldAsWell() {
        Suppression s = new Suppression();
        List<Count> parts = counts(0, 3, 0);
        Count total = total(parts);
        s.group(total, parts);

        s.apply();

        assertThat(total.suppressed()).isTrue();
        assertThat(parts.get(1).suppressed()).isTrue();
        assertThat(parts.get(0).suppressed()).isFalse();
    }

    @Test
    void whenACountIsWithheldForOneTableThenEveryTableSharingItsTotalProtectsIt() {
        // Disruptions by type and by district share their total; the 6 withheld to protect a 2 in the
        // type table must not be recoverable from the district table either.
        Suppression s = new Suppression();
        List<Count> byType = counts(2, 6, 20);
        Count total = total(byType);
        List<Count> byDistrict = counts(28, 0);
        s.group(total, byType);
        s.group(total, byDistrict);

        s.apply();

        assertThat(byType).extracting(Count::suppressed).containsExactly(true, true, false);
        assertThat(byDistrict).extracting(Count::suppressed).containsExactly(false, false);
        assertThat(subtraction(total, byType)).isEqualTo(8);
    }

    @Test
    void whenASecondaryCellIsTheOnlyOneWithheldInAnotherGroupThenThatGroupWithholdsMore() {
        Suppression s = new Suppression();
        Count shared = Count.of(6);
        List<Count> first = List.of(Count.of(2), shared, Count.of(40));
        Count firstTotal = total(first);
        List<Count> second = List.of(shared, Count.of(9), Count.of(15));
        Count secondTotal = total(second);
        s.group(firstTotal, first);
        s.group(secondTotal, second);

        s.apply();

        assertThat(shared.suppressed()).isTrue();
        assertThat(second).extracting(Count::suppressed).containsExactly(true, true, false);
        assertThat(subtraction(secondTotal, second)).isEqualTo(15);
    }

    @Test
    void whenEitherSideOfAChangeIsWithheldThenTheChangeIsWithheld() {
        Suppression s = new Suppression();
        Count now = s.add(Count.of(7));
        Count before = s.add(Count.of(3));
        Count both = s.add(Count.of(9));

        s.apply();

        assertThat(Count.change(now, before).suppressed()).isTrue();
        assertThat(Count.change(now, both).suppressed()).isFalse();
        assertThat(Count.change(now, both).displayChange()).isEqualTo("-2");
    }

    /**
     * Random tables whose totals are shared by several breakdowns, as in a profile: afterwards no
     * shown count is from 1 to 4, and in every group with a shown total the withheld counts are
     * none, or at least two adding up to 5 or more, so subtraction recovers none of them.
     */
    @RepeatedTest(200)
    void whenTablesAreRandomThenNoWithheldCountCanBeRecovered() {
        Random random = new Random();
        Suppression s = new Suppression();
        List<Suppression.Group> groups = new ArrayList<>();
        List<Count> all = new ArrayList<>();
        int tables = 1 + random.nextInt(3);
        for (int t = 0; t < tables; t++) {
            List<Count> first = IntStream.range(0, 2 + random.nextInt(6))
                    .mapToObj(i -> Count.of(random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 6 : 40)))
                    .toList();
            Count total = total(first);
            groups.add(new Suppression.Group(total, first));
            s.group(total, first);
            all.addAll(first);
            all.add(total);
            // a second breakdown of the same total, split differently
            List<Count> second = split(total.value(), 1 + random.nextInt(4), random);
            groups.add(new Suppression.Group(total, second));
            s.group(total, second);
            all.addAll(second);
        }

        s.apply();

        assertThat(all).noneMatch(c -> !c.suppressed() && c.value() >= 1 && c.value() <= 4);
        for (Suppression.Group g : groups) {
            if (g.total().suppressed()) {
                continue;
            }
            List<Count> withheld = g.parts().stream().filter(Count::suppressed).toList();
            assertThat(withheld.isEmpty() || (withheld.size() >= 2 && subtraction(g.total(), g.parts()) >= 5))
                    .as("group %s", g.parts()).isTrue();
        }
    }

    private static List<Count> split(long total, int parts, Random random) {
        List<Count> cells = new ArrayList<>();
        long left = total;
        for (int i = 0; i < parts - 1; i++) {
            long part = left == 0 ? 0 : random.nextLong(left + 1);
            cells.add(Count.of(part));
            left -= part;
        }
        cells.add(Count.of(left));
        return cells;
    }
}
