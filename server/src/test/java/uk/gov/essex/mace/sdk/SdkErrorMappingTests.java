package uk.gov.essex.mace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.AuthenticationException;
import uk.gov.essex.mace.client.ForbiddenException;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.NotFoundException;
import uk.gov.essex.mace.client.ValidationException;
import uk.gov.essex.mace.client.cases.CaseResponse;
import uk.gov.essex.mace.client.cases.ExploitationType;
import uk.gov.essex.mace.client.cases.OpenCaseRequest;

/** The hub's RFC 9457 problems arrive as the exception a caller branches on, with the request id. */
class SdkErrorMappingTests extends SdkIntegrationTest {

    @Test
    void getWhenCaseUnknownThenNotFoundWithRequestId() {
        assertThatThrownBy(() -> partner(POLICE).cases().get(UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.problemType()).isEqualTo("urn:mace-hub:problem:not-found");
                    assertThat(e.requestId()).isNotBlank();
                    assertThat(e.detail()).contains("case");
                });
    }

    @Test
    void getWhenAgencyNotMemberThenForbidden() {
        CaseResponse policeOnly = openCase();
        assertThatThrownBy(() -> partner(COUNCIL).cases().get(policeOnly.id()))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.problemSlug()).isEqualTo("forbidden");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void openWhenFieldsInvalidThenValidationWithFieldErrors() {
        assertThatThrownBy(() -> partner(POLICE).cases().open(new OpenCaseRequest(" ", LocalDate.now().minusYears(10),
                "Colchester", ExploitationType.CSE, List.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problemSlug()).isEqualTo("validation");
                    assertThat(e.fieldErrors()).containsKey("childName");
                });
    }

    @Test
    void openWhenChildIsAnAdultThenValidationNamingDateOfBirth() {
        assertThatThrownBy(() -> partner(POLICE).cases().open(new OpenCaseRequest(uniqueChild(),
                LocalDate.now().minusYears(19), "Colchester", ExploitationType.CSE, List.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problemSlug()).isEqualTo("not-a-child");
                    assertThat(e.fieldErrors()).containsKey("dateOfBirth");
                });
    }

    @Test
    void openWhenCouncilOpensOutsideItsQuadrantThenForbidden() {
        assertThatThrownBy(() -> partner(COUNCIL).cases().open(new OpenCaseRequest(uniqueChild(),
                LocalDate.now().minusYears(12), "Basildon", ExploitationType.CCE, List.of())))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void anyCallWhenClientSecretWrongThenAuthenticationException() {
        HubClient wrong = HubClient.builder().baseUrl(baseUrl()).clientCredentials(POLICE, "not-the-secret").build();
        assertThatThrownBy(() -> wrong.cases().listPage(0, 1))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void anyCallWhenTokenRejectedTwiceThenAuthenticationExceptionWithProblem() {
        HubClient bogus = HubClient.builder().baseUrl(baseUrl()).tokenSupplier(() -> "not-a-jwt").build();
        assertThatThrownBy(() -> bogus.cases().listPage(0, 1))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.problemType()).startsWith("urn:mace-hub:problem:");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void auditWhenPartnerSystemAsksThenForbidden() {
        assertThatThrownBy(() -> partner(POLICE).audit().latestTreeHead()).isInstanceOf(ForbiddenException.class);
    }
}
