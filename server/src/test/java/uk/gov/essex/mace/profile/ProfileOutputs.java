package uk.gov.essex.mace.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads counts out of a profile's JSON as the page and a spreadsheet would, and checks the suppression rule on it. */
final class ProfileOutputs {

    private ProfileOutputs() {}

    /** A count as displayed: its number, or "<5" when withheld. */
    static String shown(JsonNode count) {
        if (count.isObject()) {
            assertThat(count.get("suppressed").asBoolean()).isTrue();
            assertThat(count.size()).as("a withheld count carries nothing else").isEqualTo(1);
            return "<5";
        }
        return Long.toString(count.asLong());
    }

    static List<String> shown(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(shown(n.get(field))));
        return values;
    }

    /** A group of counts published with their total. */
    record Group(String name, JsonNode total, List<JsonNode> parts) {}

    /** Every group of the profile whose parts add up to a published total. */
    static List<Group> groups(JsonNode p) {
        List<Group> groups = new ArrayList<>();
        for (String measure : List.of("onMace", "newToMace", "steppedDown")) {
            groups.add(new Group("mace " + measure, p.get("mace").get("total").get(measure),
                    fields(p.get("mace").get("byType"), measure)));
        }
        for (String series : List.of("missingEpisodes", "disruptionUpdates")) {
            JsonNode s = p.get(series);
            groups.add(new Group(series, s.get("total"), fields(s.get("current"), "count")));
            groups.add(new Group(series + " previous", s.get("previousTotal"), fields(s.get("previous"), "count")));
        }
        for (String breakdown : List.of("indicators", "disruptionsByType", "disruptionsByDistrict")) {
            JsonNode b = p.get(breakdown);
            groups.add(new Group(breakdown, b.get("total").get("current"), fields(b.get("rows"), "current")));
            groups.add(new Group(breakdown + " previous", b.get("total").get("previous"), fields(b.get("rows"), "previous")));
        }
        p.get("hotspots").forEach(h -> groups.add(new Group("hotspot " + h.get("rank"), h.get("total"),
                List.of(h.get("intelligence"), h.get("missingFound"), h.get("disruption")))));
        if (p.has("byQuadrant")) {
            groups.add(new Group("quadrant onMace", p.get("mace").get("total").get("onMace"), fields(p.get("byQuadrant"), "onMace")));
            groups.add(new Group("quadrant newToMace", p.get("mace").get("total").get("newToMace"),
                    fields(p.get("byQuadrant"), "newToMace")));
            groups.add(new Group("quadrant steppedDown", p.get("mace").get("total").get("steppedDown"),
                    fields(p.get("byQuadrant"), "steppedDown")));
            groups.add(new Group("quadrant missing", p.get("missingEpisodes").get("total"),
                    fields(p.get("byQuadrant"), "missingEpisodes")));
            groups.add(new Group("quadrant disruption", p.get("disruptionUpdates").get("total"),
                    fields(p.get("byQuadrant"), "disruptionUpdates")));
        }
        return groups;
    }

    /**
     * The subtraction attack on a published profile: in every group with a shown total, subtract the
     * shown parts from it. It must never give one withheld count exactly, nor a sum of withheld
     * counts below 5; and no count from 1 to 4 is ever shown.
     */
    static void assertSubtractionRecoversNothing(JsonNode profile) {
        for (Group g : groups(profile)) {
            g.parts().forEach(c -> assertThat(c.isObject() || c.asLong() == 0 || c.asLong() >= 5)
                    .as("%s shows a small number %s", g.name(), c).isTrue());
            if (g.total().isObject()) {
                continue;
            }
            assertThat(g.total().asLong() == 0 || g.total().asLong() >= 5).as("%s total", g.name()).isTrue();
            List<JsonNode> withheld = g.parts().stream().filter(JsonNode::isObject).toList();
            long residue = g.total().asLong() - g.parts().stream().filter(c -> !c.isObject()).mapToLong(JsonNode::asLong).sum();
            if (withheld.isEmpty()) {
                assertThat(residue).as("%s adds up", g.name()).isZero();
            } else {
                assertThat(withheld).as("%s: a lone withheld count is the total minus the rest", g.name()).hasSizeGreaterThan(1);
                assertThat(residue).as("%s: withheld counts together", g.name()).isGreaterThanOrEqualTo(5);
            }
        }
    }

    private static List<JsonNode> fields(JsonNode array, String field) {
        List<JsonNode> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(field)));
        return values;
    }
}
