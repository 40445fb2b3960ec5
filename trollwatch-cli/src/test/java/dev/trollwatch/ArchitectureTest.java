package dev.trollwatch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;

/**
 * The package layering of docs/architecture.md, checked on the compiled main classes: arrows only
 * point down, only {@code cli} talks to the user (picocli, standard streams, exit), {@code features}
 * is pure computation over {@code comment}. It runs in trollwatch-cli, whose classpath holds every
 * main class: this module's and trollwatch-core's (its jar, or target/classes); test classes, the
 * core's test-jar included, are left out. (A rule that matches no class fails, so a missing core
 * would not pass unseen.)
 */
@AnalyzeClasses(packages = "dev.trollwatch",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {
    /** Leaves out {@code *-tests.jar} (Maven's test-jar), which {@link ImportOption.DoNotIncludeTests} lets in. */
    static final class DoNotIncludeTestJars implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR);
        }
    }

    private static final String CLI = "dev.trollwatch.cli..";
    private static final String ROOT = "dev.trollwatch";
    private static final String COMMENT = "dev.trollwatch.comment..";
    private static final String FEATURES = "dev.trollwatch.features..";

    @ArchTest
    static final ArchRule arrowsPointDown = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy(CLI)
            .layer("serve").definedBy("dev.trollwatch.serve..")
            .layer("stream").definedBy("dev.trollwatch.stream..")
            .layer("pipeline").definedBy("dev.trollwatch.pipeline..")
            .layer("formats").definedBy("dev.trollwatch.io..", "dev.trollwatch.modelio..", "dev.trollwatch.report..")
            .layer("generate").definedBy("dev.trollwatch.generate..")
            .layer("model").definedBy("dev.trollwatch.model..")
            .layer("features").definedBy(FEATURES)
            .layer("comment").definedBy(COMMENT)
            .layer("base").definedBy(ROOT)
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("serve").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("stream").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("pipeline").mayOnlyBeAccessedByLayers("cli", "serve", "stream")
            .whereLayer("generate").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("formats").mayOnlyBeAccessedByLayers("cli", "serve", "stream", "pipeline", "generate")
            .whereLayer("model").mayOnlyBeAccessedByLayers("cli", "serve", "stream", "pipeline", "formats")
            .whereLayer("features").mayOnlyBeAccessedByLayers("cli", "serve", "stream", "pipeline", "formats", "model", "generate");

    /** The generator needs the row types, the labels and the recent_comments JSON writer, nothing else of ours. */
    @ArchTest
    static final ArchRule generateStaysLow = noClasses().that().resideInAPackage("dev.trollwatch.generate..")
            .should().dependOnClassesThat(resideInAPackage("dev.trollwatch..")
                    .and(not(resideInAnyPackage("dev.trollwatch.generate..", COMMENT, FEATURES,
                            "dev.trollwatch.io.field..", ROOT))));

    @ArchTest
    static final ArchRule featuresUseOnlyComment = noClasses().that().resideInAPackage(FEATURES)
            .should().dependOnClassesThat(resideInAPackage("dev.trollwatch..")
                    .and(not(resideInAnyPackage(FEATURES, COMMENT))));

    /** Inside the formats layer: file output and field codecs at the bottom, dumps and tables on them. */
    @ArchTest
    static final ArchRule fileOutputIsGeneric = noClasses().that().resideInAPackage("dev.trollwatch.io.file..")
            .should().dependOnClassesThat(resideInAPackage("dev.trollwatch..")
                    .and(not(resideInAnyPackage("dev.trollwatch.io.file..", ROOT))));

    @ArchTest
    static final ArchRule fieldCodecsNeedOnlyRows = noClasses().that().resideInAPackage("dev.trollwatch.io.field..")
            .should().dependOnClassesThat(resideInAPackage("dev.trollwatch..")
                    .and(not(resideInAnyPackage("dev.trollwatch.io.field..", COMMENT, ROOT))));

    @ArchTest
    static final ArchRule dumpsDoNotKnowTablesOrModels = noClasses().that().resideInAPackage("dev.trollwatch.io.dump..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.trollwatch.io.table..", "dev.trollwatch.io.jdbc..",
                    "dev.trollwatch.modelio..", "dev.trollwatch.model..", FEATURES);

    /** The HTML report renders model-layer results; it reads and writes nothing itself. */
    @ArchTest
    static final ArchRule reportRendersOnlyModelResults = noClasses().that().resideInAPackage("dev.trollwatch.report..")
            .should().dependOnClassesThat(resideInAPackage("dev.trollwatch..")
                    .and(not(resideInAnyPackage("dev.trollwatch.report..", "dev.trollwatch.model..", FEATURES, COMMENT, ROOT))));

    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.trollwatch.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyCliUsesPicocli = noClasses().that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule onlyCliPrints = noClasses().that().resideOutsideOfPackage(CLI).should(ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule onlyCliExits = noClasses().that().resideOutsideOfPackage(CLI)
            .should().callMethod(System.class, "exit", int.class);
}
