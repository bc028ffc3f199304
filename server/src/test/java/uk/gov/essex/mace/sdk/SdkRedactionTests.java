package uk.gov.essex.mace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.HubException;
import uk.gov.essex.mace.client.cases.CaseResponse;
import uk.gov.essex.mace.client.intel.IntelItem;
import uk.gov.essex.mace.client.intel.TextPart;

/**
 * Redaction as partner systems of different agencies receive it through the SDK: the hub decides,
 * the SDK only ever holds what its caller may see.
 */
class SdkRedactionTests extends SdkIntegrationTest {

    @Test
    void policeOnlyItemWhenCouncilReadsThenPlaceholderNamingOwnerAndLabel() {
        CaseResponse c = openCase("colchester-council");
        IntelItem shared = partner(POLICE).intel().share(c.id(),
                SdkIntelTests.item("Vehicle AB12 CDE seen collecting the child").label("police-only").build());

        IntelItem asPolice = partner(POLICE).intel().get(c.id(), shared.id());
        assertThat(asPolice.isWithheld()).isFalse();
        assertThat(asPolice.text()).contains("AB12 CDE");

        IntelItem asCouncil = partner(COUNCIL).intel().get(c.id(), shared.id());
        assertThat(asCouncil.isWithheld()).isTrue();
        assertThat(asCouncil.withheld().label()).isEqualTo("police-only");
        assertThat(asCouncil.withheld().owningAgency()).isEqualTo("essex-police");
        assertThat(asCouncil.withheld().ask()).isNotBlank();
        assertThat(asCouncil.text()).isNull();
        assertThat(asCouncil.location()).isNull();
        assertThat(asCouncil.persons()).isEmpty();
        assertThat(partner(COUNCIL).intel().timeline(c.id()).stream().map(IntelItem::id)).contains(shared.id());
    }

    @Test
    void restrictedSegmentWhenCouncilReadsThenReadablePartsAndPlaceholderOnly() {
        CaseResponse c = openCase("colchester-council");
        IntelItem shared = partner(POLICE).intel().share(c.id(), SdkIntelTests.item(
                "Child seen near the takeaway [[police-only:with a man known to police as J]] after school").build());

        IntelItem asCouncil = partner(COUNCIL).intel().get(c.id(), shared.id());
        assertThat(asCouncil.isWithheld()).isFalse();
        assertThat(asCouncil.text()).contains("takeaway").doesNotContain("known to police");
        List<TextPart> parts = asCouncil.parts();
        assertThat(parts).anySatisfy(p -> {
            assertThat(p.isWithheld()).isTrue();
            assertThat(p.withheld().label()).isEqualTo("police-only");
        });
        assertThat(parts).noneSatisfy(p -> assertThat(String.valueOf(p.text())).contains("known to police"));

        assertThat(parts).noneSatisfy(p -> assertThat(p.isRestricted()).isTrue());

        IntelItem asPolice = partner(POLICE).intel().get(c.id(), shared.id());
        assertThat(asPolice.text()).contains("with a man known to police as J");
        assertThat(asPolice.parts()).anySatisfy(p -> {
            assertThat(p.isRestricted()).isTrue();
            assertThat(p.restricted().label()).isEqualTo("police-only");
            assertThat(p.text()).isEqualTo("with a man known to police as J");
        });
    }

    @Test
    void sourceProtectedItemWhenCouncilOrPartnerSystemReadsThenNothingAtAll() {
        CaseResponse c = openCase("colchester-council");
        HubClient officer = person("police.north");
        IntelItem shared = officer.intel().share(c.id(), SdkIntelTests.item("CHIS reporting: the child is running for a line")
                .label("police-source-protected").build());
        assertThat(officer.intel().get(c.id(), shared.id()).text()).contains("CHIS");

        assertThat(partner(COUNCIL).intel().timeline(c.id()).stream().map(IntelItem::id)).doesNotContain(shared.id());
        assertThatThrownBy(() -> partner(COUNCIL).intel().get(c.id(), shared.id()))
                .isInstanceOf(HubException.class)
                .satisfies(e -> assertThat(((HubException) e).status()).isIn(403, 404))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CHIS"));
        // the police RMS client is police, but not a police intelligence officer: the label keeps it out too
        assertThat(partner(POLICE).intel().timeline(c.id()).stream().map(IntelItem::id)).doesNotContain(shared.id());
    }
}
