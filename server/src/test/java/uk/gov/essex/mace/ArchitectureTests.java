package uk.gov.essex.mace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the package-by-feature boundaries true: a feature's {@code internal} package is its own,
 * controllers stay package-private, and no feature reaches for the database but through its own
 * storage classes.
 */
class ArchitectureTests {

    private static final String ROOT = "uk.gov.essex.mace.";
    private static JavaClasses hub;

    @BeforeAll
    static void importClasses() {
        hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.gov.essex.mace");
    }

    static String feature(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(ROOT)) {
            return "";
        }
        String rest = name.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void internalPackagesAreOnlyUsedByTheirOwnFeature() {
        ArchCondition<JavaClass> onlyOwnFeature = new ArchCondition<>("be accessed only from their own feature") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                for (JavaAccess<?> access : target.getAccessesToSelf()) {
                    JavaClass origin = access.getOriginOwner();
                    if (!feature(origin).equals(feature(target))) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
                target.getDirectDependenciesToSelf().forEach(dependency -> {
                    if (!feature(dependency.getOriginClass()).equals(feature(target))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
        classes().that().resideInAPackage("..mace.*.internal..").should(onlyOwnFeature).check(hub);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(hub);
    }

    @Test
    void featuresDoNotDependOnTheWebLayerOfOthers() {
        noClasses().that().resideOutsideOfPackages("..mace.system..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Controller")
                .andShould().dependOnClassesThat().haveSimpleNameEndingWith("Advice")
                .allowEmptyShould(true)
                .check(hub.that(com.tngtech.archunit.base.DescribedPredicate.describe("not controllers",
                        c -> !c.getSimpleName().endsWith("Controller"))));
    }

    @Test
    void partnershipAndPolicyDoNotDependOnFeatures() {
        noClasses().that().resideInAnyPackage("..mace.partnership..")
                .should().dependOnClassesThat().resideInAnyPackage("..mace.cases..", "..mace.audit..", "..mace.identity..",
                        "..mace.crypto..", "..mace.storage..")
                .check(hub);
        noClasses().that().resideInAnyPackage("..mace.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("..mace.cases..", "..mace.crypto..", "..mace.storage..")
                .check(hub);
    }
}
