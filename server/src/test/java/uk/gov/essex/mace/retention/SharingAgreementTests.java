package uk.gov.essex.mace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.retention.LegalHoldTests.problem;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;

/**
 * Sharing agreements: an agency without one in force is not made a member, and nobody acting for it
 * shares or receives anything, even on a case it joined while its agreement stood. Here Basildon
 * Council's agreement ran from 1 April 2024 to 1 January 2025.
 */
class SharingAgreementTests extends RetentionHubTest {

    @Test
    void memberWhenAgreementInForceThenRecordedWithItsLawfulBasis() {
        clock.set(Instant.now());
        String caseId = api.post(token("police.north"), "/api/cases", aCase().json()).json().get("id").asString();

        HubApi.Reply added = api.post(token("police.north"), "/api/cases/" + caseId + "/members", "{\"agencyId\":\"colchester-council\"}");

        assertThat(added.status()).as(added.body()).isEqualTo(200);
        JsonNode council = null;
        for (JsonNode m : added.json()) {
            if (m.get("agencyId").asString().equals("colchester-council")) {
                council = m;
            }
        }
        assertThat(council).isNotNull();
        assertThat(council.get("agreement").asString()).isEqualTo("ESSEX-MACE-ISA-DEMO/DISTRICTS");
        assertThat(council.get("lawfulBasis").toString()).contains("Art 6(1)(e)", "Sch 1 para 18");
    }

    @Test
    void memberWhenAgreementEndedThenRefusedAndNothingChanges() {
        clock.set(Instant.now());
        String caseId = api.post(token("police.south"), "/api/cases", aCase().district("Basildon").json()).json().get("id").asString();

        problem(api.post(token("police.south"), "/api/cases/" + caseId + "/members", "{\"agencyId\":\"basildon-council\"}"),
                409, "no-sharing-agreement");
        problem(api.post(token("police.south"), "/api/cases", aCase().district("Basildon").member("basildon-council").json()),
                409, "no-sharing-agreement");

        assertThat(api.get(token("police.south"), "/api/cases/" + caseId + "/members").body()).doesNotContain("basildon-council");
    }

    @Test
    void memberWhoseAgreementEndsThenNeitherSharesNorReceives() {
        clock.set(Instant.parse("2024-06-03T10:00:00Z"));
        String dob = LocalDate.of(2012, 5, 1).toString();
        String caseId = api.post(token("police.south"), "/api/cases", aCase().district("Basildon").dateOfBirth(dob)
                .member("basildon-council").json()).json().get("id").asString();
        String item = "/api/cases/" + caseId + "/intel";
        String observed = "2024-06-02T10:00:00Z";
        assertThat(api.get(token("council.south"), "/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(api.post(token("council.south"), item, anItem().observedAt(observed).json()).status()).isEqualTo(201);

        clock.set(Instant.now());

        problem(api.get(token("council.south"), "/api/cases/" + caseId), 403, "forbidden");
        problem(api.get(token("council.south"), item), 403, "forbidden");
        problem(api.post(token("council.south"), item, anItem().observedAt(observed).json()), 403, "forbidden");
        assertThat(api.get(token("council.south"), "/api/cases").body()).doesNotContain(caseId);
        assertThat(api.get(token("police.south"), "/api/cases/" + caseId + "/members").body()).contains("basildon-council");
        assertThat(api.get(token("auditor"), "/api/audit/entries?caseId=" + caseId + "&action=access.denied").body())
                .contains("no-sharing-agreement");
    }
}
