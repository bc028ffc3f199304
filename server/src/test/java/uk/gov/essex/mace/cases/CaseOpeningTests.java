package uk.gov.essex.mace.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Opening a case, at the edges of what it accepts: the child must be under 18 on the hub's date
 * (its one {@link Clock}, in Europe/London) and every exploitation type is stored and read back.
 */
class CaseOpeningTests extends HubIntegrationTest {

    @Autowired
    Clock clock;

    private LocalDate hubToday() {
        return LocalDate.now(clock.withZone(CaseManager.LONDON));
    }

    /**
     * Opens a case whose date of birth is worked out from the hub's date; asks again if that date
     * turned while the request was in flight, so the answer always belongs to the date it was made for.
     */
    private Opened openOnTheHubsDate(Function<LocalDate, LocalDate> dateOfBirth) {
        while (true) {
            LocalDate today = hubToday();
            LocalDate born = dateOfBirth.apply(today);
            HubApi.Reply reply = api.post(token("police.north"), "/api/cases", aCase().dateOfBirth(born.toString()).json());
            if (hubToday().equals(today)) {
                return new Opened(today, born, reply);
            }
        }
    }

    private record Opened(LocalDate today, LocalDate born, HubApi.Reply reply) {}

    @Test
    void openWhenChildTurns18TodayThenRefused() {
        long casesBefore = mongo.getCollection("cases").countDocuments();

        Opened opened = openOnTheHubsDate(today -> today.minusYears(18));
        HubApi.Reply reply = opened.reply();

        assertThat(opened.born().plusYears(18)).isEqualTo(opened.today());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:not-a-child");
        assertThat(mongo.getCollection("cases").countDocuments()).isEqualTo(casesBefore);
    }

    @Test
    void openWhenChildTurns18TomorrowThenAccepted() {
        LocalDate tomorrow = hubToday().plusDays(1);
        assumeTrue(tomorrow.minusYears(18).plusYears(18).equals(tomorrow),
                "nobody's 18th birthday falls on " + tomorrow + " (29 February of a year 18 years after none)");

        Opened opened = openOnTheHubsDate(today -> today.plusDays(1).minusYears(18));

        assertThat(opened.born().plusYears(18)).isEqualTo(opened.today().plusDays(1));
        assertThat(opened.reply().status()).isEqualTo(201);
        HubApi.Reply read = api.get(token("police.north"), "/api/cases/" + opened.reply().json().get("id").asString());
        assertThat(read.json().get("dateOfBirth").asString()).isEqualTo(opened.born().toString());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ExploitationType.class)
    void openWithEachExploitationTypeThenStoredAndReadBack(ExploitationType type) {
        HubApi.Reply opened = api.post(token("police.north"), "/api/cases", aCase().exploitationType(type.name()).json());

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().get("exploitationType").asString()).isEqualTo(type.name());
        HubApi.Reply read = api.get(token("police.north"), "/api/cases/" + opened.json().get("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("exploitationType").asString()).isEqualTo(type.name());
    }
}
