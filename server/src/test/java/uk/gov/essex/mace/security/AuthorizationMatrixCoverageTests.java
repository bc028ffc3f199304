package uk.gov.essex.mace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * The authorisation matrix covers everything the running hub answers: an endpoint or STOMP
 * destination added without a row (and so without a decision about who may call it) fails here,
 * as does a row for something that no longer exists.
 */
class AuthorizationMatrixCoverageTests extends HubIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyDiscoveredEndpointAndDestinationHasARow() {
        Set<String> discovered = EndpointInventory.discover(context);
        Set<String> rows = AuthorizationMatrix.load().rows().stream().map(AuthorizationMatrix.Row::key)
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> missing = new TreeSet<>(discovered);
        missing.removeAll(rows);
        assertThat(missing).as("endpoints with no row in " + AuthorizationMatrix.RESOURCE).isEmpty();
    }

    @Test
    void everyRowIsForSomethingTheHubAnswers() {
        Set<String> discovered = EndpointInventory.discover(context);
        Set<String> stale = AuthorizationMatrix.load().rows().stream()
                .filter(r -> !r.kind().equals("FILTER") && !r.path().startsWith("/undeclared"))
                .map(AuthorizationMatrix.Row::key)
                .filter(k -> !discovered.contains(k))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(stale).as("rows for endpoints the hub does not answer").isEmpty();
    }

    @Test
    void everyRowHasAnExpectationForEveryDemoCaller() {
        AuthorizationMatrix matrix = AuthorizationMatrix.load();

        assertThat(matrix.callers()).containsExactlyInAnyOrderElementsOf(AuthorizationMatrixTests.CALLERS);
        assertThat(matrix.relations().keySet()).containsExactlyInAnyOrderElementsOf(matrix.callers());
    }
}
