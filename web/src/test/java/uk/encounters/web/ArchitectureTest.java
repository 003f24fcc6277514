package uk.encounters.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module rules: dependencies go one way, {@code web -> demo -> marketplace -> matcher}, and each module knows
 * only the libraries it is for. Maven already keeps a module from compiling against a module it does not depend
 * on; these rules also hold the libraries, which one line in a pom or a transitive dependency can bring in
 * (jOOQ and JDBC come with marketplace). They live in web because web's tests see the classes of every module the
 * app is built from. Only shipped code is checked: tests and marketplace's test support are left out.
 */
class ArchitectureTest {

    static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // marketplace's test support (TestDatabase ...) comes in as a test-jar
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("uk.encounters");

    @Test
    void modulesDependOnlyOnTheModulesBelowThem() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("web")
                .definedBy("uk.encounters.web..")
                .layer("demo")
                .definedBy("uk.encounters.demo..")
                .layer("marketplace")
                .definedBy("uk.encounters.marketplace..")
                .layer("matcher")
                .definedBy("uk.encounters.matcher..")
                .whereLayer("web")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("demo")
                .mayOnlyBeAccessedByLayers("web")
                .whereLayer("marketplace")
                .mayOnlyBeAccessedByLayers("demo", "web")
                .whereLayer("matcher")
                .mayOnlyBeAccessedByLayers("marketplace", "demo", "web")
                .check(APP);
    }

    @Test
    void matcherKnowsNeitherTheDatabaseNorVertx() {
        noClasses()
                .that()
                .resideInAPackage("uk.encounters.matcher..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "io.vertx..", "java.sql..", "javax.sql..")
                .because("the matcher is plain Java: a problem in, a plan out (STYLE.md, anti-pattern 6)")
                .check(APP);
    }

    @Test
    void marketplaceKnowsNeitherVertxNorTheWebNorTheDemo() {
        noClasses()
                .that()
                .resideInAPackage("uk.encounters.marketplace..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.vertx..", "uk.encounters.web..", "uk.encounters.demo..")
                .because("marketplace is the domain and its persistence; it ships no generators and knows no"
                        + " web paths")
                .check(APP);
    }

    @Test
    void demoKnowsNeitherVertxNorTheWeb() {
        noClasses()
                .that()
                .resideInAPackage("uk.encounters.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.vertx..", "uk.encounters.web..")
                .because("the demo data and the simulation are driven by commands, never by a request")
                .check(APP);
    }

    @Test
    void onlyWebKnowsWebClasses() {
        noClasses()
                .that()
                .resideInAnyPackage("uk.encounters.matcher..", "uk.encounters.marketplace..", "uk.encounters.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("uk.encounters.web..")
                .check(APP);
    }

    @Test
    // the feature packages only: classes in uk.encounters.web itself (Blocking, Templates ...) belong to no slice
    void webFeaturePackagesHaveNoCycles() {
        slices().matching("uk.encounters.web.(*)..").should().beFreeOfCycles().check(APP);
    }
}
