package uk.gov.essex.mace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.IdempotencyKeyReusedException;
import uk.gov.essex.mace.client.NotFoundException;
import uk.gov.essex.mace.client.RequestOptions;
import uk.gov.essex.mace.client.ValidationException;
import uk.gov.essex.mace.client.cases.CaseResponse;
import uk.gov.essex.mace.client.cases.Quadrant;
import uk.gov.essex.mace.client.disruption.DisruptionFilter;
import uk.gov.essex.mace.client.disruption.DisruptionPage;
import uk.gov.essex.mace.client.disruption.DisruptionPlace;
import uk.gov.essex.mace.client.disruption.DisruptionType;
import uk.gov.essex.mace.client.disruption.DisruptionUpdate;
import uk.gov.essex.mace.client.disruption.PostDisruptionRequest;
import uk.gov.essex.mace.client.intel.Marking;

/** Every disruption call of the SDK against the real hub, with redaction as each agency's system sees it. */
class SdkDisruptionTests extends SdkIntegrationTest {

    static PostDisruptionRequest.Builder update(String premises) {
        return PostDisruptionRequest.builder()
                .type(DisruptionType.HOTEL_OR_PREMISES_CHECK)
                .place(new DisruptionPlace(premises, "1 High Street", "co1 1aa", "Colchester"))
                .date(LocalDate.now().minusDays(1))
                .outcome("Staff briefed on signs of exploitation; guest register reviewed");
    }

    @Test
    void postWhenCouncilSystemPostsThenReadBackListedAndShownOnLinkedCase() {
        HubClient council = partner(COUNCIL);
        CaseResponse c = openCase("colchester-council");
        DisruptionUpdate posted = council.disruptions().post(update("Station Hotel").linkedCase(c.id())
                .text("Room booked by an adult for two children").marking(Marking.OFFICIAL).build());

        assertThat(posted.id()).isNotBlank();
        assertThat(posted.isWithheld()).isFalse();
        assertThat(posted.quadrant()).isEqualTo(Quadrant.NORTH);
        assertThat(posted.owningAgency()).isEqualTo("colchester-council");
        assertThat(posted.type()).isEqualTo(DisruptionType.HOTEL_OR_PREMISES_CHECK);
        assertThat(posted.place().premisesName()).isEqualTo("Station Hotel");
        assertThat(posted.place().postcode()).as("normalised by the hub").isEqualTo("CO1 1AA");
        assertThat(posted.place().toString()).doesNotContain("Station Hotel");
        assertThat(posted.linkedCaseIds()).containsExactly(c.id());
        assertThat(posted.marking()).isEqualTo(Marking.OFFICIAL);
        assertThat(posted.toString()).doesNotContain("Station Hotel", "children");

        assertThat(council.disruptions().get(posted.id())).usingRecursiveComparison().isEqualTo(posted);
        DisruptionUpdate asPolice = partner(POLICE).disruptions().get(posted.id());
        assertThat(asPolice.outcome()).isEqualTo(posted.outcome());
        assertThat(asPolice.text()).isEqualTo("Room booked by an adult for two children");

        assertThat(council.disruptions().forCase(c.id())).extracting(DisruptionUpdate::id).containsExactly(posted.id());
        assertThat(council.disruptions().list(DisruptionFilter.ALL.withDistrict("Colchester")
                .withType(DisruptionType.HOTEL_OR_PREMISES_CHECK)).stream().limit(200).map(DisruptionUpdate::id))
                .contains(posted.id());
        assertThat(council.disruptions().list().stream().limit(500).map(DisruptionUpdate::id)).contains(posted.id());
        assertThat(council.disruptions().list(DisruptionFilter.ALL.withType(DisruptionType.CLOSURE_ORDER))
                .stream().limit(200).map(DisruptionUpdate::id)).doesNotContain(posted.id());
    }

    @Test
    void listWhenSeveralPagesThenOpaqueCursorWalksBackWithoutGapOrRepeat() {
        HubClient council = partner(COUNCIL);
        LocalDate day = LocalDate.now().minusDays(3);
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(council.disruptions().post(update("Takeaway " + i).type(DisruptionType.TRADING_STANDARDS)
                    .date(day).build()).id());
        }
        DisruptionFilter filter = DisruptionFilter.ALL.withQuadrant(Quadrant.NORTH).withType(DisruptionType.TRADING_STANDARDS)
                .between(day, day);

        DisruptionPage first = council.disruptions().listPage(filter, null, 2);
        assertThat(first.items()).hasSize(2);
        assertThat(first.nextBefore()).isNotBlank();
        DisruptionPage second = council.disruptions().listPage(filter, first.nextBefore(), 2);
        assertThat(second.items()).extracting(DisruptionUpdate::id).doesNotContainAnyElementsOf(
                first.items().stream().map(DisruptionUpdate::id).toList());

        List<String> walked = council.disruptions().list(filter, 2).stream().map(DisruptionUpdate::id).toList();
        assertThat(walked).doesNotHaveDuplicates();
        List<String> newestFirst = new ArrayList<>(posted);
        java.util.Collections.reverse(newestFirst);
        assertThat(walked.stream().filter(posted::contains).toList()).as("newest first, none missing").isEqualTo(newestFirst);
        assertThat(council.disruptions().list(filter, 2).byPage()).allSatisfy(page -> assertThat(page.size()).isLessThanOrEqualTo(2));
    }

    @Test
    void policeOnlyUpdateWhenCouncilReadsThenPlaceholderOnlyAndSourceProtectedNotAtAll() {
        DisruptionUpdate policeOnly = partner(POLICE).disruptions().post(update("Flat above the bookmakers")
                .type(DisruptionType.CLOSURE_ORDER).label("police-only").build());
        DisruptionUpdate protectedSource = person("police.north").disruptions().post(update("Car wash on the bypass")
                .type(DisruptionType.CLOSURE_ORDER).label("police-source-protected").build());

        DisruptionUpdate asCouncil = partner(COUNCIL).disruptions().get(policeOnly.id());
        assertThat(asCouncil.isWithheld()).isTrue();
        assertThat(asCouncil.withheld().label()).isEqualTo("police-only");
        assertThat(asCouncil.withheld().owningAgency()).isEqualTo("essex-police");
        assertThat(asCouncil.owningAgency()).isEqualTo("essex-police");
        assertThat(asCouncil.place()).isNull();
        assertThat(asCouncil.outcome()).isNull();
        assertThat(asCouncil.type()).isNull();

        assertThatThrownBy(() -> partner(COUNCIL).disruptions().get(protectedSource.id())).isInstanceOf(NotFoundException.class);
        List<String> listed = partner(COUNCIL).disruptions().list(DisruptionFilter.ALL.withType(DisruptionType.CLOSURE_ORDER))
                .stream().limit(500).map(DisruptionUpdate::id).toList();
        assertThat(listed).contains(policeOnly.id()).doesNotContain(protectedSource.id());
    }

    @Test
    void postWhenSameIdempotencyKeyThenOneUpdateAndADifferentBodyIsRefused() {
        HubClient council = partner(COUNCIL);
        RequestOptions key = RequestOptions.idempotencyKey("council-" + UUID.randomUUID());
        DisruptionUpdate first = council.disruptions().post(update("Park café").build(), key);
        DisruptionUpdate again = council.disruptions().post(update("Park café").build(), key);
        assertThat(again.id()).isEqualTo(first.id());
        assertThatThrownBy(() -> council.disruptions().post(update("Another café").build(), key))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void postWhenDateInFutureOrUnknownDistrictThenValidationNamesTheField() {
        HubClient council = partner(COUNCIL);
        assertThatThrownBy(() -> council.disruptions().post(update("Tomorrow's hotel").date(LocalDate.now().plusDays(2)).build()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).containsKey("date"));
        assertThatThrownBy(() -> council.disruptions().post(update("Nowhere Inn")
                .place(DisruptionPlace.of("Nowhere Inn", "Atlantis")).build()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).containsKey("place.district"));
        assertThatThrownBy(() -> PostDisruptionRequest.builder().type(DisruptionType.OTHER).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("place");
    }
}
