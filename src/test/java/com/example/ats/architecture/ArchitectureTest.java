package com.example.ats.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.audit.AuditLog;
import com.tngtech.archunit.base.DescribedPredicate;
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

    private static final String PLANTED = "com.example.ats.architecture.planted";
    private static final JavaClasses PLANTED_HOUSE = new ClassFileImporter().importPackages(PLANTED);

    /** {@code shared} and {@code storage} are the ground floor: every feature may use them, they use no feature. */
    static ArchRule foundationsUseNoFeature(String base) {
        String[] foundations = {base + ".shared..", base + ".storage..", base + ".work.."};
        return noClasses()
                .that()
                .resideInAnyPackage(foundations)
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage(base + "..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(foundations))))
                .because("shared and storage are used by every feature and use none");
    }

    /** The applicant's faces (portal, apply page, self-service) sit on top: nothing else depends on them. */
    static ArchRule facesAreOnTop(String base) {
        String[] faces = {base + ".portal..", base + ".apply..", base + ".self.."};
        return noClasses()
                .that()
                .resideInAPackage(base + "..")
                .and()
                .resideOutsideOfPackages(faces)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(faces)
                .because("adapters turn HTTP into calls; nothing below may call back up into them");
    }

    /** Nor does anything depend on a resource, or a type declared in one, but the resource's own nested types. */
    static final ArchRule RESOURCES_ARE_ON_TOP = noClasses()
            .should(dependOnAResourceOfAnotherClass())
            .because("a resource is an adapter: what others need belongs in a service or a record of its own");

    static final ArchRule NO_JBOSS_LOGGER = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.jboss.logging.Logger")
            .because("the house logs through io.quarkus.logging.Log");

    @Test
    void sharedAndStorageUseNoFeatureAndTheRuleFindsAPlantedViolation() {
        foundationsUseNoFeature("com.example.ats").check(SERVICE);
        EvaluationResult planted = foundationsUseNoFeature(PLANTED).evaluate(PLANTED_HOUSE);
        assertThat(planted.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("PlantedHelper") && line.contains("PlantedVacancy"));
    }

    @Test
    void nothingDependsOnTheFacesAndTheRuleFindsAPlantedViolation() {
        facesAreOnTop("com.example.ats").check(SERVICE);
        assertThat(facesAreOnTop(PLANTED)
                        .evaluate(PLANTED_HOUSE)
                        .getFailureReport()
                        .getDetails())
                .anyMatch(line -> line.contains("PlantedVacancy") && line.contains("PlantedPage"));
    }

    @Test
    void nothingDependsOnAResourceAndTheRuleFindsAPlantedViolation() {
        RESOURCES_ARE_ON_TOP.check(SERVICE);
        assertThat(RESOURCES_ARE_ON_TOP
                        .evaluate(PLANTED_HOUSE)
                        .getFailureReport()
                        .getDetails())
                .anyMatch(line -> line.contains("PlantedVacancy.show") && line.contains("PlantedVacancyResource"))
                .noneMatch(line -> line.contains("PlantedVacancyResource$View."));
    }

    @Test
    void noClassLogsThroughJbossLoggerAndTheRuleFindsAPlantedOne() {
        NO_JBOSS_LOGGER.check(SERVICE);
        assertThat(NO_JBOSS_LOGGER.evaluate(PLANTED_HOUSE).getFailureReport().getDetails())
                .anyMatch(line -> line.contains("PlantedHelper"));
    }

    /** SQL lives in repositories (and the work queue, the one claim mechanism): nobody else holds the EntityManager. */
    static final ArchRule ENTITY_MANAGER_ONLY_IN_REPOSITORIES = noClasses()
            .that(DescribedPredicate.describe(
                    "are not repositories or the work queue",
                    (JavaClass type) -> !outermost(type).getSimpleName().endsWith("Repository")
                            && !outermost(type).getName().equals("com.example.ats.work.WorkQueue")))
            .should()
            .dependOnClassesThat()
            .areAssignableTo(EntityManager.class)
            .because("SQL lives in repositories that return records, where it can be found and tested");

    @Test
    void onlyRepositoriesHoldTheEntityManagerAndTheRuleFindsAPlantedViolation() {
        ENTITY_MANAGER_ONLY_IN_REPOSITORIES.check(SERVICE);
        assertThat(ENTITY_MANAGER_ONLY_IN_REPOSITORIES
                        .evaluate(PLANTED_HOUSE)
                        .getFailureReport()
                        .getDetails())
                .anyMatch(line -> line.contains("PlantedVacancyService"))
                .noneMatch(line -> line.contains("PlantedVacancyRepository"));
    }

    private static ArchCondition<JavaClass> dependOnAResourceOfAnotherClass() {
        return new ArchCondition<>("depend on a resource of another class") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                // Under noClasses() an event that satisfies this condition is a violation of the rule.
                type.getDirectDependenciesFromSelf().stream()
                        .filter(d ->
                                outermost(d.getTargetClass()).getSimpleName().endsWith("Resource"))
                        .filter(d -> !outermost(d.getTargetClass()).equals(outermost(type)))
                        .forEach(d -> events.add(SimpleConditionEvent.satisfied(d, d.getDescription())));
            }
        };
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass c = type;
        while (c.getEnclosingClass().isPresent()) {
            c = c.getEnclosingClass().get();
        }
        return c;
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
