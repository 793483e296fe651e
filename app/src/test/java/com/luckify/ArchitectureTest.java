package com.luckify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.apache.ibatis.annotations.Mapper;
import org.junit.jupiter.api.Test;

/**
 * The module rules of design §1, executable: adapters call feature APIs and never a mapper; a feature's
 * mappers are its own; features do not depend on adapters or form cycles.
 */
class ArchitectureTest {

    private static final String[] ADAPTERS = {"com.luckify.web..", "com.luckify.admin..", "com.luckify.batch..",
            "com.luckify.integration..", "com.luckify.report.."};

    private static final JavaClasses LUCKIFY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.luckify");

    @Test
    void adaptersNeverTouchAMapper() {
        noClasses().that().resideInAnyPackage(ADAPTERS)
                .should().dependOnClassesThat().areAnnotatedWith(Mapper.class)
                .check(LUCKIFY);
    }

    @Test
    void aMapperIsUsedOnlyInsideItsOwnFeature() {
        classes().that().areAnnotatedWith(Mapper.class)
                .should(onlyBeUsedFromTheirOwnPackage())
                .check(LUCKIFY);
    }

    @Test
    void mappersAreNotPartOfAFeaturesPublicApi() {
        classes().that().areAnnotatedWith(Mapper.class).should().notBePublic().check(LUCKIFY);
    }

    @Test
    void featuresDoNotDependOnAdapters() {
        noClasses().that().resideOutsideOfPackages(ADAPTERS).and().resideOutsideOfPackage("com.luckify")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .check(LUCKIFY);
    }

    @Test
    void featuresAndModulesAreFreeOfCycles() {
        slices().matching("com.luckify.(*)..").should().beFreeOfCycles().check(LUCKIFY);
    }

    private static ArchCondition<JavaClass> onlyBeUsedFromTheirOwnPackage() {
        return new ArchCondition<>("only be used from their own package") {
            @Override
            public void check(JavaClass mapper, ConditionEvents events) {
                for (Dependency dependency : mapper.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    boolean samePackage = user.getPackageName().equals(mapper.getPackageName());
                    events.add(new SimpleConditionEvent(dependency, samePackage, dependency.getDescription()));
                }
            }
        };
    }
}
