package uk.gov.essex.mace.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.support.CaseRequests;
import uk.gov.essex.mace.support.HubIntegrationTest;
import uk.gov.essex.mace.support.IntelRequests;

/** Read markers and unread counts: per person, only raised, never counting what the reader may not know exists. */
class ReadMarkerTests extends HubIntegrationTest {

    private String openCase(String... members) {
        CaseRequests request = CaseRequests.aCase();
        for (String m : members) {
            request.member(m);
        }
        return api.post(token("police.north"), "/api/cases", request.json()).json().get("id").asString();
    }

    private long share(String caseId, IntelRequests item) {
        return api.post(token("police.north"), "/api/cases/" + caseId + "/intel", item.json()).json().get("seq").asLong();
    }

    private int unread(String user, String caseId) {
        var reply = api.get(token(user), "/api/chat/unread?caseId=" + caseId);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().get("counts").get(caseId).asInt();
    }

    @Test
    void whenItemsAreSharedThenTheyCountAsUnreadUntilMarkedRead() {
        String caseId = openCase("essex-csc");
        share(caseId, IntelRequests.anItem());
        long second = share(caseId, IntelRequests.anItem());
        share(caseId, IntelRequests.anItem());
        assertThat(unread("csc.north", caseId)).isEqualTo(3);

        assertThat(api.send(token("csc.north"), "PUT", "/api/cases/" + caseId + "/chat/read", "application/json",
                "{\"seq\":" + second + "}").status()).isEqualTo(204);
        assertThat(unread("csc.north", caseId)).isEqualTo(1);

        api.send(token("csc.north"), "PUT", "/api/cases/" + caseId + "/chat/read", "application/json", "{\"seq\":1}");
        assertThat(unread("csc.north", caseId)).as("a marker never moves back").isEqualTo(1);
        assertThat(unread("police.north", caseId)).as("markers are per person").isEqualTo(3);
    }

    @Test
    void whenAnItemIsSourceProtectedThenItIsNotCountedForThoseWhoMayNotKnowIt() {
        String caseId = openCase("essex-csc");
        share(caseId, IntelRequests.anItem());
        share(caseId, IntelRequests.anItem().label("police-source-protected"));

        assertThat(unread("csc.north", caseId)).isEqualTo(1);
        assertThat(unread("police.north", caseId)).isEqualTo(2);
    }

    @Test
    void whenTheCallerMayNotReadACaseThenItIsLeftOutAndMarkingItReadIsForbidden() {
        String caseId = openCase();
        var reply = api.get(token("council.south"), "/api/chat/unread?caseId=" + caseId);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("counts").size()).isZero();

        var mark = api.send(token("council.south"), "PUT", "/api/cases/" + caseId + "/chat/read", "application/json",
                "{\"seq\":1}");
        assertThat(mark.status()).isEqualTo(403);
        assertThat(mark.contentType()).startsWith("application/problem+json");
    }

    @Test
    void whenTheRequestIsBadThenProblemDetails() {
        String caseId = openCase();
        assertThat(api.send(token("police.north"), "PUT", "/api/cases/" + caseId + "/chat/read", "application/json",
                "{\"seq\":0}").status()).isEqualTo(400);
        assertThat(api.send(token("police.north"), "PUT", "/api/cases/nope/chat/read", "application/json",
                "{\"seq\":3}").status()).isEqualTo(404);
        assertThat(api.get(token("police.north"), "/api/chat/unread").status()).isEqualTo(400);
        assertThat(api.get(null, "/api/chat/unread?caseId=" + caseId).status()).isEqualTo(401);
    }
}
