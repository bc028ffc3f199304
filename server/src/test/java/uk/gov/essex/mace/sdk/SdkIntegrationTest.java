package uk.gov.essex.mace.sdk;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.cases.CaseResponse;
import uk.gov.essex.mace.client.cases.ExploitationType;
import uk.gov.essex.mace.client.cases.OpenCaseRequest;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Base of the SDK's tests: the whole hub on a real port (one shared context, see
 * {@link HubIntegrationTest}), driven through the real SDK with real tokens.
 */
abstract class SdkIntegrationTest extends HubIntegrationTest {

    static final String POLICE = "police-rms";
    static final String COUNCIL = "council-system";
    private static final Map<String, HubClient> CLIENTS = new ConcurrentHashMap<>();

    /** A partner system's client, authenticated with its client credentials. */
    HubClient partner(String clientId) {
        return CLIENTS.computeIfAbsent(baseUrl() + " " + clientId, k -> partner(clientId, baseUrl()));
    }

    HubClient partner(String clientId, String url) {
        return HubClient.builder()
                .baseUrl(url)
                .clientCredentials(clientId, DemoTokens.CLIENT_SECRET)
                .retryBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .build();
    }

    /** A client acting as a demo person (authorization code + PKCE token from the test's sign-in). */
    HubClient person(String username) {
        return HubClient.builder().baseUrl(baseUrl()).tokenSupplier(() -> token(username)).build();
    }

    /** A fresh, uniquely named case opened by police-rms in Colchester (NORTH), with extra members. */
    CaseResponse openCase(String... memberAgencies) {
        return partner(POLICE).cases().open(new OpenCaseRequest(uniqueChild(), LocalDate.now().minusYears(14),
                "Colchester", ExploitationType.CCE, List.of(memberAgencies)));
    }

    static String uniqueChild() {
        return "Child " + UUID.randomUUID().toString().substring(0, 8);
    }
}
