package uk.gov.essex.mace.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The agency types and roles in config/partnership.yml are exactly the ones the code knows. */
class PartnershipVocabularyTests {

    /** config/partnership.yml, as packaged into the jar. */
    private static List<PropertySource<?>> shippedConfiguration() throws IOException {
        return new YamlPropertySourceLoader().load("partnership.yml", new ClassPathResource("hub-config/partnership.yml"));
    }

    private static PartnershipProperties shipped() throws IOException {
        return new Binder(ConfigurationPropertySources.from(shippedConfiguration()))
                .bind("hub.partnership", PartnershipProperties.class).get();
    }

    private static PartnershipProperties with(List<PartnershipProperties.Term> agencyTypes,
            List<PartnershipProperties.Term> roles) {
        return new PartnershipProperties(Map.of(Quadrant.NORTH, List.of("Colchester")), agencyTypes, roles, List.of());
    }

    private static List<PartnershipProperties.Term> terms(Enum<?>[] values) {
        return new ArrayList<>(Arrays.stream(values).map(v -> new PartnershipProperties.Term(v.name(), "what " + v + " is")).toList());
    }

    @Test
    void whenTheShippedConfigurationIsBoundThenEveryAgencyTypeAndRoleHasItsDescription() throws IOException {
        PartnershipVocabulary vocabulary = new PartnershipVocabulary(shipped());

        assertThat(AgencyType.values()).allSatisfy(type -> assertThat(vocabulary.description(type)).isNotBlank());
        assertThat(Role.values()).allSatisfy(role -> assertThat(vocabulary.description(role)).isNotBlank());
        assertThat(vocabulary.description(Role.MACE_CHAIR)).contains("oversight");
    }

    @Test
    void whenARoleIsMissingThenItIsNamed() {
        List<PartnershipProperties.Term> roles = terms(Role.values());
        roles.removeIf(term -> term.name().equals("ANALYST"));

        assertThatThrownBy(() -> new PartnershipVocabulary(with(terms(AgencyType.values()), roles)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.partnership.roles")
                .hasMessageContaining("missing [ANALYST]")
                .hasMessageContaining("not known to the code []");
    }

    @Test
    void whenAnAgencyTypeIsNotKnownToTheCodeThenItIsNamed() {
        List<PartnershipProperties.Term> agencyTypes = terms(AgencyType.values());
        agencyTypes.add(new PartnershipProperties.Term("PROBATION", "the probation service"));

        assertThatThrownBy(() -> new PartnershipVocabulary(with(agencyTypes, terms(Role.values()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.partnership.agency-types")
                .hasMessageContaining("missing []")
                .hasMessageContaining("not known to the code [PROBATION]");
    }

    @Test
    void whenAValueIsListedTwiceThenItIsNamed() {
        List<PartnershipProperties.Term> roles = terms(Role.values());
        roles.add(new PartnershipProperties.Term("PRACTITIONER", "again"));

        assertThatThrownBy(() -> new PartnershipVocabulary(with(terms(AgencyType.values()), roles)))
                .hasMessageContaining("listed twice [PRACTITIONER]");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PartnershipProperties.class)
    @Import(PartnershipVocabulary.class)
    static class Wiring {}

    /** The partnership's configuration properties and vocabulary check, on the shipped configuration. */
    private static ApplicationContextRunner partnershipWiring() {
        return new ApplicationContextRunner()
                .withInitializer(context -> {
                    try {
                        shippedConfiguration().forEach(context.getEnvironment().getPropertySources()::addLast);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .withUserConfiguration(Wiring.class);
    }

    @Test
    void whenTheConfiguredAgencyTypesDifferFromTheCodeThenStartUpFails() {
        partnershipWiring()
                // replaces the shipped list of eight with a list of one
                .withPropertyValues("hub.partnership.agency-types[0].name=POLICE",
                        "hub.partnership.agency-types[0].description=Essex Police")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("hub.partnership.agency-types")
                            .hasMessageContaining("missing [CHILDRENS_SOCIAL_CARE, DISTRICT_COUNCIL, CSP, HEALTH,"
                                    + " EDUCATION, YOUTH_JUSTICE, VOLUNTARY]");
                });
    }

    @Test
    void whenTheShippedConfigurationIsLoadedThenStartUpPasses() {
        partnershipWiring()
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(PartnershipVocabulary.class));
    }
}
