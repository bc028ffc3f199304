package uk.gov.essex.mace.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HotspotsTests {

    private static void mention(Hotspots h, String name, String postcode, String district, Hotspots.Source source, int times,
            boolean previous) {
        for (int i = 0; i < times; i++) {
            h.add(PlaceNames.of(name, postcode).orElseThrow(), district, source, previous);
        }
    }

    @Test
    void whenSpellingsDifferThenOnePlaceAndMentionsWithoutPostcodeJoinIt() {
        Hotspots h = new Hotspots();
        mention(h, "Travelodge Central", "CO1 1XY", "Colchester", Hotspots.Source.INTELLIGENCE, 3, false);
        mention(h, "travelodge  central.", "co11xy", "Colchester", Hotspots.Source.DISRUPTION, 2, false);
        mention(h, "The Travelodge Central", null, null, Hotspots.Source.MISSING_FOUND, 1, false);
        mention(h, "Travelodge Central", "CO1 1XY", null, Hotspots.Source.INTELLIGENCE, 2, true);

        List<Hotspots.Hotspot> ranked = h.ranked();

        assertThat(ranked).containsExactly(new Hotspots.Hotspot("Travelodge Central", "Colchester", 3, 1, 2, 2));
    }

    @Test
    void whenANameHasTwoPostcodesThenAMentionWithoutOneStandsAlone() {
        Hotspots h = new Hotspots();
        mention(h, "McDonalds", "CO1 1AA", "Colchester", Hotspots.Source.INTELLIGENCE, 5, false);
        mention(h, "McDonalds", "CO15 1AA", "Tendring", Hotspots.Source.INTELLIGENCE, 5, false);
        mention(h, "McDonalds", null, null, Hotspots.Source.MISSING_FOUND, 5, false);

        assertThat(h.ranked()).extracting(Hotspots.Hotspot::total).containsExactly(5L, 5L, 5L);
        assertThat(h.ranked()).extracting(Hotspots.Hotspot::district).containsExactly("Colchester", "Tendring", null);
    }

    @Test
    void whenMentionedFewerThanFiveTimesThenNotListed() {
        Hotspots h = new Hotspots();
        mention(h, "Rarely Seen Cafe", "CO1 1AA", "Colchester", Hotspots.Source.INTELLIGENCE, 4, false);
        mention(h, "Rarely Seen Cafe", "CO1 1AA", "Colchester", Hotspots.Source.INTELLIGENCE, 9, true);
        h.add(PlaceNames.fromText("Found at home of Zebedee Canary").orElseThrow(), null, Hotspots.Source.MISSING_FOUND, false);

        assertThat(h.ranked()).isEmpty();
    }

    @Test
    void whenPlacesHaveNoNameThenCountedByPostcodeArea() {
        Hotspots h = new Hotspots();
        for (int i = 0; i < 5; i++) {
            h.add(PlaceNames.fromText((10 + i) + " Harbour Road, CO15 " + (1 + i) + "AB").orElseThrow(), null,
                    Hotspots.Source.MISSING_FOUND, false);
        }

        assertThat(h.ranked()).extracting(Hotspots.Hotspot::place).containsExactly("Unnamed places in CO15");
    }

    @Test
    void whenMoreThanTwentyPlacesQualifyThenTheTopTwentyByMentionsThenName() {
        Hotspots h = new Hotspots();
        for (int i = 0; i < 25; i++) {
            mention(h, "Place " + (char) ('A' + i), null, null, Hotspots.Source.DISRUPTION, 5 + (i % 3), false);
        }

        List<Hotspots.Hotspot> ranked = h.ranked();

        assertThat(ranked).hasSize(20);
        assertThat(ranked.get(0).place()).isEqualTo("Place C");
        assertThat(ranked.get(0).total()).isEqualTo(7);
    }
}
