package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options that used to be accepted and then did something else than they said. */
class OptionChecksTest {
    @TempDir
    static Path dir;

    private static Path data;

    @BeforeAll
    static void smallDump() {
        data = dir.resolve("small.csv");
        assertEquals(ExitCode.OK, CliRunner.run("generate", "--rows", "300", "--out", data.toString()).exitCode());
    }

    private static void usage(String expected, String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void gatesAreFractions() {
        usage("--min-accuracy must be between 0 and 1 (a fraction: 0.9, not 90), got 90.0",
                "evaluate", "--model", "m.json", "--in", data.toString(), "--min-accuracy", "90");
        usage("--min-mcc must be between -1 and 1", "evaluate", "--model", "m.json", "--in", data.toString(), "--min-mcc", "2");
        usage("must be between 0 and 1 (a fraction), got 70.0",
                "evaluate", "--model", "m.json", "--in", data.toString(), "--min-recall", "troll=70");
    }

    @Test
    void permutationRepeatsAreBounded() {
        usage("--permutation-repeats must be 1..1000, got 1000000", "train", "--in", data.toString(), "--out",
                dir.resolve("p").toString(), "--permutation-importance", "--permutation-repeats", "1000000");
        usage("--permutation-repeats must be 1..1000, got 0", "evaluate", "--model", "m.json", "--in", data.toString(),
                "--permutation-importance", "--permutation-repeats", "0");
    }

    @Test
    void maxDepthStopsWhereModelFilesStop() {
        // A 65-deep tree was trained and written, then refused by every command that loads it.
        usage("--max-depth must be 0..64 (0 = unlimited, up to 64), got 65", "train", "--in", data.toString(), "--out",
                dir.resolve("d").toString(), "--max-depth", "65");
    }

    @Test
    void classWeightsNameEveryClass() {
        usage("give a weight for every class; missing bot, troll",
                "train", "--in", data.toString(), "--out", dir.resolve("w").toString(), "--class-weights", "normal=1");
    }

    @Test
    void crossValidationIsStratifiedOrRefused() {
        usage("--no-stratify applies to the hold-out split",
                "train", "--in", data.toString(), "--out", dir.resolve("c").toString(), "--cv", "5", "--no-stratify");
    }

    @Test
    void moreFoldsThanRowsIsAClearFailureNotEmptyFolds() throws Exception {
        Path tiny = dir.resolve("tiny.csv");
        assertEquals(ExitCode.OK, CliRunner.run("generate", "--rows", "60", "--out", tiny.toString()).exitCode());
        CliRunner.Result r = CliRunner.run("train", "--in", tiny.toString(), "--out", dir.resolve("k").toString(),
                "--cv", "100", "--min-leaf", "5");
        assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains("cross-validation with 100 folds needs at least 100 rows; the data has"), r.err());
    }

    @Test
    void foldsAreBoundedSoCrossValidationTimeIsToo() {
        // --cv 1000 on a large dump ran a thousand trainings, each on nearly every row.
        usage("--cv must be 2..100 folds, got 1000",
                "train", "--in", data.toString(), "--out", dir.resolve("k").toString(), "--cv", "1000");
        usage("--cv must be 2..100 folds, got 1", "train", "--in", data.toString(), "--out", dir.resolve("k").toString(),
                "--cv", "1");
    }

    @Test
    void dashIsNotAFileNameForOutputsBesideTheReport() {
        // each made a file named '-' (or a model set '-.json', '-.onnx', ...) in the working directory
        String base = dir.resolve("dash").toString();
        usage("--metrics-json - : this output is a file", "train", "--in", data.toString(), "--out", base,
                "--metrics-json", "-");
        usage("--dot - : this output is a file", "train", "--in", data.toString(), "--out", base, "--dot", "-");
        usage("--report - : this output is a file", "train", "--in", data.toString(), "--out", base, "--report", "-");
        usage("--out - : this output is a file", "train", "--in", data.toString(), "--out", "-");
        usage("--metrics-json - : this output is a file", "evaluate", "--model", "m.json", "--in", data.toString(),
                "--metrics-json", "-");
        assertFalse(java.nio.file.Files.exists(Path.of("-")));
        assertFalse(java.nio.file.Files.exists(Path.of("-.json")));
    }

    @Test
    void anEmptyFileNameIsAUsageErrorNamingItsOption() {
        usage("trollwatch: Invalid value for option '--in': an empty file name",
                "features", "--in", "", "--out", dir.resolve("e.csv").toString());
        usage("trollwatch: Invalid value for option '--out': an empty file name", "features", "--in", data.toString(), "--out", "");
        // Path.of dropped the '/', and new.csv/ wrote new.csv
        usage("trollwatch: Invalid value for option '--out': '" + dir.resolve("new.csv") + "/' ends in '/', a folder",
                "features", "--in", data.toString(), "--out", dir.resolve("new.csv") + "/");
        usage("trollwatch: Invalid value for option '--model': an empty file name", "predict", "--model", "", "--in", data.toString());
        usage("trollwatch: --out is empty: give a base name", "train", "--in", data.toString(), "--out", "");
    }

    @Test
    void aHeaderOnlyInputIsNamedNotCalledAnEmptySet() {
        Path headerOnly = dir.resolve("header-only.csv");
        assertEquals(ExitCode.OK, CliRunner.run("generate", "--rows", "0", "--out", headerOnly.toString()).exitCode());
        CliRunner.Result train = CliRunner.run("train", "--in", headerOnly.toString(), "--out", dir.resolve("h/tw").toString());
        assertEquals(ExitCode.FAILURE, train.exitCode(), train.err());
        assertTrue(train.err().contains("trollwatch: error: " + headerOnly + ": no rows after its header"), train.err());
        Path model = dir.resolve("h/real");
        assertEquals(ExitCode.OK, CliRunner.run("train", "--in", data.toString(), "--out", model.toString(),
                "--min-leaf", "5").exitCode());
        CliRunner.Result evaluate = CliRunner.run("evaluate", "--model", model + ".json", "--in", headerOnly.toString());
        assertEquals(ExitCode.FAILURE, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.err().contains(headerOnly + ": no rows after its header"), evaluate.err());
        CliRunner.Result test = CliRunner.run("train", "--in", data.toString(), "--test", headerOnly.toString(),
                "--out", dir.resolve("h/tw").toString());
        assertTrue(test.err().contains(headerOnly + ": no rows after its header"), test.err());
    }

    @Test
    void anExportWindowThatEndsBeforeItStartsIsRefusedBeforeConnecting() {
        // port 1: were it to connect first, the error would be "could not connect" (exit 1)
        usage("--since 2020-01-01 is not before --until 2019-01-01: no row can match", "export", "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:1/db", "--since", "2020-01-01", "--until", "2019-01-01",
                "--out", dir.resolve("x.csv").toString());
        usage("is not before --until", "export", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/db",
                "--since", "1550213389", "--until", "2019-02-15T06:49:49Z", "--out", dir.resolve("x.csv").toString());
    }

    @Test
    void aPruningConfidenceAboveWekasHalfIsRefusedNotSpammedOnStderr() {
        usage("--confidence must be in [1e-6, 0.5]", "train", "--in", data.toString(), "--out", dir.resolve("c6/tw").toString(),
                "--confidence", "0.6");
        // Found by probing: Weka's inverse normal failed inside J48 below about 2e-8: exit 4.
        usage("--confidence must be in [1e-6, 0.5]", "train", "--in", data.toString(), "--out", dir.resolve("c6/tw").toString(),
                "--confidence", "1e-8");
        CliRunner.Result half = CliRunner.run("train", "-q", "--in", data.toString(), "--out", dir.resolve("c5/tw").toString(),
                "--confidence", "0.5", "--min-leaf", "5", "--max-depth", "0");
        assertEquals(ExitCode.OK, half.exitCode(), half.err());
        assertFalse(half.err().contains("WARNING"), "0.5 is Weka's largest: no warning line: " + half.err());
    }

    @Test
    void optionsThatWouldBeIgnoredAreUsageErrors() {
        // Found by probing: each of these exited 0 and the option did nothing (or the last copy won).
        String out = dir.resolve("ignored/tw").toString();
        usage("--test-fraction applies to the hold-out split; --cv evaluates on every row, fold by fold",
                "train", "--in", data.toString(), "--out", out, "--cv", "3", "--test-fraction", "0.5");
        usage("--test-fraction applies to the hold-out split; --test evaluates on its file",
                "train", "--in", data.toString(), "--out", out, "--test", data.toString(), "--test-fraction", "0.5");
        usage("--no-stratify applies to the hold-out split; --test evaluates on its file",
                "train", "--in", data.toString(), "--out", out, "--test", data.toString(), "--no-stratify");
        usage("--permutation-repeats has no effect without --permutation-importance",
                "train", "--in", data.toString(), "--out", out, "--permutation-repeats", "7");
        usage("--permutation-repeats has no effect without --permutation-importance",
                "evaluate", "--model", "m.json", "--in", data.toString(), "--permutation-repeats", "5");
        usage("the weight of normal is given twice",
                "train", "--in", data.toString(), "--out", out, "--class-weights", "normal=1,bot=1,troll=1,normal=2");
        usage("--fetch-size applies to --jdbc-url, not to --in dumps",
                "export", "--in", data.toString(), "--fetch-size", "10");
        usage("--password-env applies to --jdbc-url", "export", "--in", data.toString(), "--password-env", "X");
        usage("--max-record-chars applies to --in dumps, not to --jdbc-url",
                "export", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/db", "--max-record-chars", "10");
        assertTrue(java.nio.file.Files.notExists(java.nio.file.Path.of(out + ".json")), "nothing was trained");
    }
}
