package com.example.ats.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.audit.AuditLog;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on the compiled service: features (the packages under {@code com.example.ats})
 * never depend on each other in a cycle, the MinIO SDK is used in {@code storage} only, a resource uses only its own
 * feature's repositories, and repositories are named and typed as repositories.
 */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.example.ats");

    static final ArchRule NO_CYCLES_BETWEEN_FEATURES =
            slices().matching("com.example.ats.(*)..").should().beFreeOfCycles();

    @Test
    void featuresDoNotDependOnEachOtherInACycle() {
        NO_CYCLES_BETWEEN_FEATURES.check(SERVICE);
    }

    @Test
    void theCycleRuleFindsADeliberateCycle() {
        JavaClasses withCycle = new ClassFileImporter().importPackages("com.example.ats.architecture.cycle");
        EvaluationResult result = slices().matching("com.example.ats.architecture.cycle.(*)..")
                .should()
                .beFreeOfCycles()
                .evaluate(withCycle);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Cycle detected");
    }

    @Test
    void onlyTheStoragePackageUsesTheMinioSdk() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.example.ats.storage..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.minio..")
                .check(SERVICE);
    }

    @Test
    void resourcesUseOnlyTheRepositoriesOfTheirOwnFeature() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should(useOnlyRepositoriesOfTheirOwnPackage())
                .check(SERVICE);
    }

    /**
     * The applicant wing's faces (the portal, the apply page, the JSON self-service) are adapters: the rules, the data
     * and the audit of every applicant action are the {@code applicant} package's and the services', so that no face
     * can skip a rule another face keeps.
     */
    static final ArchRule APPLICANT_FACES_ARE_ADAPTERS = noClasses()
            .that()
            .resideInAnyPackage("..portal..", "..apply..", "..self..")
            .should()
            .dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("Repository")
                    .or(JavaClass.Predicates.assignableTo(EntityManager.class))
                    .or(JavaClass.Predicates.assignableTo(AuditLog.class)))
            .because("an applicant action's rules, data and audit live in ApplicantActions and the services");

    @Test
    void theApplicantsFacesUseNoRepositoryEntityManagerOrAuditLog() {
        APPLICANT_FACES_ARE_ADAPTERS.check(SERVICE);
    }

    @Test
    void theFacesRuleFindsAPlantedViolation() {
        EvaluationResult result = APPLICANT_FACES_ARE_ADAPTERS.evaluate(
                new ClassFileImporter().importPackages("com.example.ats.architecture.planted"));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("AuditLog"))
                .anyMatch(line -> line.contains("EntityManager"));
    }

    @Test
    void panacheRepositoriesAreNamedRepository() {
        classes()
                .that()
                .implement(PanacheRepositoryBase.class)
                .should()
                .haveSimpleNameEndingWith("Repository")
                .check(SERVICE);
    }

    @Test
    void repositoriesNeverReturnAResourcesType() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .should(notReturnATypeDeclaredInAResource())
                .check(SERVICE);
    }

    private static ArchCondition<JavaClass> useOnlyRepositoriesOfTheirOwnPackage() {
        return new ArchCondition<>("use only repositories of their own feature") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                resource.getDirectDependenciesFromSelf().stream()
                        .filter(d -> d.getTargetClass().getSimpleName().endsWith("Repository"))
                        .filter(d -> !d.getTargetClass().getPackageName().equals(resource.getPackageName()))
                        .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
            }
        };
    }

    private static ArchCondition<JavaMethod> notReturnATypeDeclaredInAResource() {
        return new ArchCondition<>("not return a type declared in a resource") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                method.getReturnType().getAllInvolvedRawTypes().stream()
                        .filter(type -> declaredInResource(type))
                        .forEach(type -> events.add(SimpleConditionEvent.violated(
                                method, method.getFullName() + " returns " + type.getName())));
            }
        };
    }

    private static boolean declaredInResource(JavaClass type) {
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (c.getSimpleName().endsWith("Resource")) {
                return true;
            }
        }
        return false;
    }
}
