package org.diptych;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The rules of ARCHITECTURE.md, checked on the compiled application classes (not the tests). */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.diptych");
    }

    @Test
    void javafxOnlyInTheUi() {
        noClasses().that().resideOutsideOfPackage("org.diptych.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(classes);
    }

    @Test
    void theCoreNeverDependsOnTheUi() {
        noClasses().that().resideOutsideOfPackage("org.diptych.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.diptych.ui..")
                .check(classes);
    }

    @Test
    void noCyclesBetweenTheDeskTheTranslationPanelAndTheShell() {
        slices().matching("org.diptych.ui.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theDeskAndTheTranslationPanelDoNotReachIntoTheShell() {
        noClasses().that().resideInAnyPackage("org.diptych.ui.review..", "org.diptych.ui.translate..")
                .should().dependOnClassesThat().resideInAPackage("org.diptych.ui.shell..")
                .check(classes);
    }
}
