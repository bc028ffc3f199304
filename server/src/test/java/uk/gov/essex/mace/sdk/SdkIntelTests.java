package uk.gov.essex.mace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.IdempotencyKeyReusedException;
import uk.gov.essex.mace.client.NotFoundException;
import uk.gov.essex.mace.client.RequestOptions;
import uk.gov.essex.mace.client.StaleRevisionException;
import uk.gov.essex.mace.client.ValidationException;
import uk.gov.essex.mace.client.cases.CaseResponse;
import uk.gov.essex.mace.client.cases.FindCaseRequest;
import uk.gov.essex.mace.client.cases.FindCaseResponse;
import uk.gov.essex.mace.client.cases.Quadrant;
import uk.gov.essex.mace.client.intel.Grading;
import uk.gov.essex.mace.client.intel.HandlingLabel;
import uk.gov.essex.mace.client.intel.IntelCategory;
import uk.gov.essex.mace.client.intel.IntelItem;
import uk.gov.essex.mace.client.intel.IntelPage;
import uk.gov.essex.mace.client.intel.Marking;
import uk.gov.essex.mace.client.intel.Place;
import uk.gov.essex.mace.client.intel.ReviseIntelRequest;
import uk.gov.essex.mace.client.intel.ShareIntelRequest;

/** Every intelligence call of the SDK against the real hub. */
class SdkIntelTests extends SdkIntegrationTest {

    static ShareIntelRequest.Builder item(String text) {
        return ShareIntelRequest.builder().text(text).category(IntelCategory.LOCATIONS)
                .observedAt(Instant.now().minus(1, ChronoUnit.HOURS));
    }

    @Test
    void shareWhenFullItemThenEveryFieldComesBack() {
        HubClient police = partner(POLICE);
        CaseResponse c = openCase();
        Instant observed = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        IntelItem shared = police.intel().share(c.id(), ShareIntelRequest.builder()
                .text("Seen at Colchester bus station with two older males")
                .category(IntelCategory.ASSOCIATION_WITH_OLDER_PEOPLE)
                .label("police-only").marking(Marking.OFFICIAL_SENSITIVE).observedAt(observed)
                .location(new Place("Bus station", "Queen Street", "CO1 2PQ", "Colchester"))
                .person("Male 1", "about 25, red jacket")
                .grading(new Grading(2, Grading.Assessment.B, Grading.HandlingCode.C, "Not to be shared with the child's family"))
                .build());
        assertThat(shared.id()).isNotBlank();
        assertThat(shared.caseId()).isEqualTo(c.id());
        assertThat(shared.revision()).isEqualTo(1);
        assertThat(shared.label()).isEqualTo("police-only");
        assertThat(shared.owningAgency()).isEqualTo("essex-police");
        assertThat(shared.text()).isEqualTo("Seen at Colchester bus station with two older males");
        assertThat(shared.location().postcode()).isEqualTo("CO1 2PQ");
        assertThat(shared.persons()).hasSize(1);
        assertThat(shared.sourceEvaluation()).isEqualTo(2);
        assertThat(shared.intelligenceAssessment()).isEqualTo(Grading.Assessment.B);
        assertThat(shared.handling().code()).isEqualTo(Grading.HandlingCode.C);
        assertThat(shared.observedAt()).isEqualTo(observed);
        assertThat(police.intel().get(c.id(), shared.id())).usingRecursiveComparison()
                .ignoringFields("sharedAt", "revisedAt").isEqualTo(shared);
    }

    @Test
    void timelineWhenIteratedThenEveryItemNewestFirstAcrossPages() {
        HubClient police = partner(POLICE);
        CaseResponse c = openCase();
        for (int i = 1; i <= 5; i++) {
            police.intel().share(c.id(), item("note " + i).build());
        }
        IntelPage first = police.intel().timelinePage(c.id(), null, 2);
        assertThat(first.items()).extracting(IntelItem::text).containsExactly("note 5", "note 4");
        assertThat(first.nextBefore()).isNotBlank();
        assertThat(police.intel().timelinePage(c.id(), first.nextBefore(), 2).items()).extracting(IntelItem::text)
                .containsExactly("note 3", "note 2");
        List<IntelItem> all = police.intel().timeline(c.id(), 2).stream().toList();
        assertThat(all).extracting(IntelItem::text).containsExactly("note 5", "note 4", "note 3", "note 2", "note 1");
        assertThat(all).extracting(IntelItem::sharedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void reviseWhenExpectedRevisionCurrentThenNewRevisionAndHistoryKept() {
        HubClient police = partner(POLICE);
        CaseResponse c = openCase();
        IntelItem shared = police.intel().share(c.id(), item("first wording").build());
        IntelItem revised = police.intel().revise(c.id(), shared.id(), ReviseIntelRequest.text(1, "second wording"));
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.text()).isEqualTo("second wording");
        assertThat(police.intel().revisions(c.id(), shared.id())).extracting(IntelItem::text)
                .contains("first wording", "second wording");
    }

    @Test
    void reviseWhenRevisedSinceThenStaleRevision() {
        HubClient police = partner(POLICE);
        CaseResponse c = openCase();
        IntelItem shared = police.intel().share(c.id(), item("v1").build());
        police.intel().revise(c.id(), shared.id(), ReviseIntelRequest.text(1, "v2"));
        assertThatThrownBy(() -> police.intel().revise(c.id(), shared.id(), ReviseIntelRequest.text(1, "v2 elsewhere")))
                .isInstanceOfSatisfying(StaleRevisionException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.problemSlug()).isEqualTo("stale-revision");
                });
    }

    @Test
    void withdrawWhenAuthorWithdrawsThenStatusAndReasonShown() {
        HubClient police = partner(POLICE);
        CaseResponse c = openCase();
        IntelItem shared = police.intel().share(c.id(), item("mistaken").build());
        IntelItem withdrawn = police.intel().withdraw(c.id(), shared.id(), "recorded on the wrong child");
        assertThat(withdrawn.status()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.withdrawal().reason()).isEqualTo("recorded on the wrong child");
    }

    @Test
    void shareWhenSameIdempotencyKeyTwiceThenOneItem() {
        HubClient police = partner(POLICE);
        CaseResponse c = openCase();
        RequestOptions key = RequestOptions.idempotencyKey("rms-record-" + UUID.randomUUID());
        ShareIntelRequest request = item("only once").build();
        IntelItem first = police.intel().share(c.id(), request, key);
        IntelItem again = police.intel().share(c.id(), request, key);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(police.intel().timeline(c.id()).stream().toList()).hasSize(1);
    }

    @Test
    void shareWhenSameKeyDifferentBodyThenIdempotencyKeyReused() {
        HubClient police = partner(POLICE);
        CaseResponse c = openCase();
        RequestOptions key = RequestOptions.idempotencyKey("rms-record-" + UUID.randomUUID());
        police.intel().share(c.id(), item("one body").build(), key);
        assertThatThrownBy(() -> police.intel().share(c.id(), item("another body").build(), key))
                .isInstanceOfSatisfying(IdempotencyKeyReusedException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void shareWhenCouncilGradesThenValidationNamingGrading() {
        CaseResponse c = openCase("colchester-council");
        assertThatThrownBy(() -> partner(COUNCIL).intel().share(c.id(), item("graded by a council")
                        .grading(new Grading(1, Grading.Assessment.A, Grading.HandlingCode.P, null)).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problemSlug()).isEqualTo("grading-not-police");
                    assertThat(e.fieldErrors()).containsKey("grading");
                });
    }

    @Test
    void getWhenItemUnknownThenNotFound() {
        CaseResponse c = openCase();
        assertThatThrownBy(() -> partner(POLICE).intel().get(c.id(), UUID.randomUUID().toString()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void labelsWhenListedThenConfiguredLabels() {
        assertThat(partner(COUNCIL).intel().labels()).extracting(HandlingLabel::id)
                .contains("all-members", "police-only", "police-source-protected");
    }

    @Test
    void findWhenChildHasCaseThenFoundAndOthersOnlyByQuadrant() {
        CaseResponse c = openCase("colchester-council");
        FindCaseResponse byPolice = partner(POLICE).cases().find(new FindCaseRequest(c.childName(), c.dateOfBirth()));
        assertThat(byPolice.cases()).extracting(CaseResponse::id).containsExactly(c.id());
        CaseResponse policeOnly = openCase();
        FindCaseResponse byCouncil = partner(COUNCIL).cases().find(new FindCaseRequest(policeOnly.childName(),
                policeOnly.dateOfBirth()));
        assertThat(byCouncil.cases()).isEmpty();
        assertThat(byCouncil.otherCasesInQuadrants()).containsExactly(Quadrant.NORTH);
    }
}
