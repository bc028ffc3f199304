package uk.gov.essex.mace.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Small-number suppression for one published output, so that no count of 1 to 4 is shown and none
 * can be worked out from what is shown.
 *
 * <ol>
 *   <li>Primary: every count from 1 to 4 is withheld ("fewer than 5"). Zero is shown.
 *   <li>Complementary: for every group of counts published with their total (a column of a
 *       table and its total row), if any count of the group is withheld then at least two are, and
 *       together they add up to 5 or more. Otherwise the total minus the shown counts would give a
 *       withheld count exactly, or show that two withheld counts together are fewer than 5. Further
 *       counts are withheld smallest first (ties in table order), never a zero (a zero protects
 *       nothing); if no count is left to withhold, the total is withheld.
 *   <li>A count can sit in several groups (a total shared by the tables by type, by district and
 *       by month); step 2 repeats until no group needs more.
 *   <li>A change against the previous period is withheld when either of its two counts is.
 * </ol>
 *
 * @see <a href="https://www.ons.gov.uk/methodology/methodologytopicsandstatisticalconcepts/disclosurecontrol">ONS disclosure control</a>
 */
final class Suppression {

    static final int THRESHOLD = 5;

    /** A total and the counts that add up to it. */
    record Group(Count total, List<Count> parts) {

        Group {
            parts = List.copyOf(parts);
            long sum = parts.stream().mapToLong(Count::value).sum();
            if (sum != total.value()) {
                throw new IllegalArgumentException("the parts of a group must add up to its total");
            }
        }
    }

    private final Map<Count, Boolean> counts = new IdentityHashMap<>();
    private final List<Group> groups = new ArrayList<>();

    /** Registers a count published on its own (no total is published with it). */
    Count add(Count count) {
        counts.put(count, Boolean.TRUE);
        return count;
    }

    /** Registers a total and its parts, all published together. */
    void group(Count total, List<Count> parts) {
        Group group = new Group(total, parts);
        add(total);
        parts.forEach(this::add);
        groups.add(group);
    }

    /** Applies the rule to every registered count. */
    void apply() {
        counts.keySet().forEach(c -> {
            if (c.value() >= 1 && c.value() < THRESHOLD) {
                c.suppress();
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Group group : groups) {
                changed |= protect(group);
            }
        }
    }

    /** Withholds more of the group until its withheld counts cannot be worked out; true if it changed anything. */
    private static boolean protect(Group group) {
        if (group.total().suppressed()) {
            return false;
        }
        boolean changed = false;
        while (exposed(group)) {
            Optional<Count> next = group.parts().stream()
                    .filter(c -> !c.suppressed() && c.value() > 0)
                    .min(Comparator.comparingLong(Count::value));
            if (next.isPresent()) {
                next.get().suppress();
            } else {
                group.total().suppress();
                return true;
            }
            changed = true;
        }
        return changed;
    }

    /** True when some part is withheld but fewer than two are, or the withheld ones add up to fewer than 5. */
    static boolean exposed(Group group) {
        List<Count> withheld = group.parts().stream().filter(Count::suppressed).toList();
        if (withheld.isEmpty()) {
            return false;
        }
        long sum = withheld.stream().mapToLong(Count::value).sum();
        return withheld.size() < 2 || sum < THRESHOLD;
    }
}
