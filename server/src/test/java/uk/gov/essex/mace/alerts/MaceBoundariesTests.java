package uk.gov.essex.mace.alerts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the MACE features' boundaries checkable: risk knows nothing of the criteria, alerts nothing
 * of meetings, live nothing of any feature, and the criteria engine stays a pure function (no
 * store, no clock, no Spring messaging) so its tables are the whole truth about it.
 */
class MaceBoundariesTests {

    private static JavaClasses hub;

    @BeforeAll
    static void importClasses() {
        hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.gov.essex.mace");
    }

    @Test
    void riskDoesNotKnowAlertsMeetingsOrLive() {
        noClasses().that().resideInAPackage("..mace.risk..")
                .should().dependOnClassesThat().resideInAnyPackage("..mace.alerts..", "..mace.meetings..", "..mace.live..")
                .check(hub);
    }

    @Test
    void alertsDoNotKnowMeetings() {
        noClasses().that().resideInAPackage("..mace.alerts..")
                .should().dependOnClassesThat().resideInAPackage("..mace.meetings..")
                .check(hub);
    }

    @Test
    void liveKnowsNoFeature() {
        noClasses().that().resideInAPackage("..mace.live..")
                .should().dependOnClassesThat().resideInAnyPackage("..mace.alerts..", "..mace.meetings..",
                        "..mace.risk..", "..mace.cases..", "..mace.policy..")
                .check(hub);
    }

    @Test
    void criteriaEngineIsPure() {
        classes().that().haveSimpleName("MaceCriteria")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.springframework.stereotype..",
                        "uk.gov.essex.mace.alerts", "uk.gov.essex.mace.risk")
                .check(hub);
        noClasses().that().haveSimpleName("MaceCriteria")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .check(hub);
    }
}
