package uk.gov.essex.mace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.cases.CaseResponse;
import uk.gov.essex.mace.client.cases.CaseStatus;
import uk.gov.essex.mace.client.cases.ExploitationType;
import uk.gov.essex.mace.client.cases.MemberResponse;
import uk.gov.essex.mace.client.cases.OpenCaseRequest;
import uk.gov.essex.mace.client.cases.Quadrant;

/** Every cases call of the SDK against the real hub. */
class SdkCasesTests extends SdkIntegrationTest {

    @Test
    void openWhenPartnerOpensCaseThenTypedResponseWithOpenerAsMember() {
        String child = uniqueChild();
        LocalDate dob = LocalDate.now().minusYears(15);
        CaseResponse opened = partner(POLICE).cases().open(
                new OpenCaseRequest(child, dob, "Colchester", ExploitationType.BOTH, List.of("colchester-council")));
        assertThat(opened.id()).isNotBlank();
        assertThat(opened.childName()).isEqualTo(child);
        assertThat(opened.dateOfBirth()).isEqualTo(dob);
        assertThat(opened.quadrant()).isEqualTo(Quadrant.NORTH);
        assertThat(opened.exploitationType()).isEqualTo(ExploitationType.BOTH);
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.openedByAgency()).isEqualTo("essex-police");
        assertThat(opened.openedAt()).isNotNull();
        assertThat(opened.members()).extracting(MemberResponse::agencyId).containsExactly("essex-police", "colchester-council");
        assertThat(opened.members().get(0).type()).isEqualTo("POLICE");
        assertThat(opened.toString()).doesNotContain(child);
    }

    @Test
    void getWhenMemberAgencyReadsThenSameCase() {
        CaseResponse opened = openCase("colchester-council");
        CaseResponse read = partner(COUNCIL).cases().get(opened.id());
        assertThat(read).usingRecursiveComparison().ignoringFields("openedAt").isEqualTo(opened);
        assertThat(read.openedAt().toEpochMilli()).as("stored to the millisecond").isEqualTo(opened.openedAt().toEpochMilli());
    }

    @Test
    void listWhenIteratedThenWalksEveryPageWithoutRepeats() {
        HubClient police = partner(POLICE);
        for (int i = 0; i < 5; i++) {
            openCase();
        }
        List<CaseResponse> firstPage = police.cases().listPage(0, 2).items();
        assertThat(firstPage).hasSize(2);
        List<String> all = police.cases().list(2).stream().map(CaseResponse::id).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(5).doesNotHaveDuplicates();
        assertThat(all.subList(0, 2)).containsExactlyElementsOf(firstPage.stream().map(CaseResponse::id).toList());
        int pages = 0;
        for (List<CaseResponse> page : police.cases().list(2).byPage()) {
            assertThat(page.size()).isLessThanOrEqualTo(2);
            pages++;
        }
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void membersWhenAddedAndRemovedThenHubAgrees() {
        HubClient police = partner(POLICE);
        CaseResponse opened = openCase();
        List<MemberResponse> after = police.cases().addMember(opened.id(), "essex-health");
        assertThat(after).extracting(MemberResponse::agencyId).containsExactly("essex-police", "essex-health");
        assertThat(police.cases().addMember(opened.id(), "essex-health")).as("adding twice changes nothing").hasSize(2);
        police.cases().removeMember(opened.id(), "essex-health");
        Set<String> members = police.cases().members(opened.id()).stream().map(MemberResponse::agencyId)
                .collect(Collectors.toSet());
        assertThat(members).containsExactly("essex-police");
    }

    @Test
    void listWhenCouncilListsThenOnlyCasesItIsMemberOf() {
        CaseResponse shared = openCase("colchester-council");
        CaseResponse policeOnly = openCase();
        List<String> seen = partner(COUNCIL).cases().list().stream().map(CaseResponse::id).toList();
        assertThat(seen).contains(shared.id()).doesNotContain(policeOnly.id());
    }
}
