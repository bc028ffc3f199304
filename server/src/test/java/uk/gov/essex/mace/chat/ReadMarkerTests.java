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

    private String share(String caseId, IntelRequests item) {
        return api.post(token("police.north"), "/api/cases/" + caseId + "/intel", item.json()).json().get("id").asString();
    }

    private int markRead(String user, String caseId, String itemId) {
        var reply = api.send(token(user), "PUT", "/api/cases/" + caseId + "/chat/read", "application/json",
                "{\"itemId\":\"" + itemId + "\"}");
        if (reply.status() != 204) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        return reply.status();
    }

    private int unread(String user, String caseId) {
        var reply = api.get(token(user), "/api/chat/unread?caseId=" + caseId);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().get("counts").get(caseId).asInt();
    }

    @Test
    void whenItemsAreSharedThenTheyCountAsUnreadUntilMarkedRead() {
        String caseId = openCase("essex-csc");
        String first = share(caseId, IntelRequests.anItem());
        String second = share(caseId, IntelRequests.anItem());
        share(caseId, IntelRequests.anItem());
        assertThat(unread("csc.north", caseId)).isEqualTo(3);

        assertThat(markRead("csc.north", caseId, second)).isEqualTo(204);
        assertThat(unread("csc.north", caseId)).isEqualTo(1);

        assertThat(markRead("csc.north", caseId, first)).isEqualTo(204);
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
    void whenAnItemIsSourceProtectedThenMarkingItReadLooksExactlyLikeAnUnknownItem() {
        String caseId = openCase("essex-csc");
        String hidden = share(caseId, IntelRequests.anItem().label("police-source-protected"));
        var hiddenReply = api.send(token("csc.north"), "PUT", "/api/cases/" + caseId + "/chat/read", "application/json",
                "{\"itemId\":\"" + hidden + "\"}");
        var unknownReply = api.send(token("csc.north"), "PUT", "/api/cases/" + caseId + "/chat/read", "application/json",
                "{\"itemId\":\"" + java.util.UUID.randomUUID() + "\"}");

        assertThat(hiddenReply.status()).isEqualTo(404).isEqualTo(unknownReply.status());
        assertThat(hiddenReply.json().get("detail").asString()).isEqualTo(unknownReply.json().get("detail").asString());
        assertThat(markRead("police.north", caseId, hidden)).isEqualTo(204);
    }

    @Test
    void whenTheCallerMayNotReadACaseThenItIsLeftOutAndMarkingItReadIsForbidden() {
        String caseId = openCase();
        var reply = api.get(token("council.south"), "/api/chat/unread?caseId=" + caseId);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("counts").size()).isZero();

        assertThat(markRead("council.south", caseId, share(caseId, IntelRequests.anItem()))).isEqualTo(403);
    }

    @Test
    void whenTheRequestIsBadThenProblemDetails() {
        String caseId = openCase();
        String item = share(caseId, IntelRequests.anItem());
        assertThat(api.send(token("police.north"), "PUT", "/api/cases/" + caseId + "/chat/read", "application/json",
                "{\"itemId\":\"\"}").status()).isEqualTo(400);
        assertThat(api.send(token("police.north"), "PUT", "/api/cases/" + caseId + "/chat/read", "application/json",
                "{\"seq\":3}").status()).isEqualTo(400);
        assertThat(markRead("police.north", "nope", item)).isEqualTo(404);
        assertThat(markRead("police.north", caseId, "no-such-item")).isEqualTo(404);
        assertThat(markRead("police.north", openCase(), item)).as("an item of another case").isEqualTo(404);
        assertThat(api.get(token("police.north"), "/api/chat/unread").status()).isEqualTo(400);
        assertThat(api.get(null, "/api/chat/unread?caseId=" + caseId).status()).isEqualTo(401);
    }
}
