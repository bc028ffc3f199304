package uk.gov.essex.mace.profile;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The profile reads the other features only through their small read interfaces (and disruption
 * only through its own), never their storage, managers or wire types: so what it can see of a
 * case is what those interfaces carry, which is no identity.
 */
class ProfileBoundaryTests {

    private static final Set<String> ALLOWED = Set.of(
            "uk.gov.essex.mace.cases.CaseOutlines", "uk.gov.essex.mace.cases.CaseOutline",
            "uk.gov.essex.mace.cases.ExploitationType",
            "uk.gov.essex.mace.alerts.MaceStandings", "uk.gov.essex.mace.alerts.MaceStanding",
            "uk.gov.essex.mace.alerts.AlertReason",
            "uk.gov.essex.mace.risk.RiskActivities", "uk.gov.essex.mace.risk.RiskActivity",
            "uk.gov.essex.mace.risk.RiskActivity$Episode", "uk.gov.essex.mace.risk.RiskActivity$Indicator",
            "uk.gov.essex.mace.risk.ExploitationIndicator",
            "uk.gov.essex.mace.intel.IntelLocations", "uk.gov.essex.mace.intel.IntelLocations$ObservedPlace",
            "uk.gov.essex.mace.disruption.DisruptionActivity", "uk.gov.essex.mace.disruption.DisruptionActivity$Activity",
            "uk.gov.essex.mace.disruption.DisruptionType");

    @Test
    void profileUsesOnlyTheFeaturesReadInterfaces() {
        JavaClasses hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.gov.essex.mace");
        DescribedPredicate<JavaClass> otherFeatureInternals = DescribedPredicate.describe("another feature's internals",
                c -> c.getPackageName().matches("uk\\.gov\\.essex\\.mace\\.(cases|alerts|risk|intel|disruption|meetings)(\\..*)?")
                        && !ALLOWED.contains(c.getName()));
        noClasses().that().resideInAPackage("..mace.profile..")
                .should().dependOnClassesThat(otherFeatureInternals)
                .check(hub);
    }
}
