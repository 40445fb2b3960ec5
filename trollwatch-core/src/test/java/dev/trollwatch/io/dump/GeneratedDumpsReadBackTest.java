package dev.trollwatch.io.dump;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.generate.CommentGenerator;
import dev.trollwatch.generate.GeneratorSettings;
import dev.trollwatch.io.jdbc.CommentsTable;
import dev.trollwatch.io.jdbc.TestDatabase;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated rows written in every format — by our writers, by PostgreSQL's own COPY … CSV, and as the
 * 2019 csv-writer + sed dump — read back to exactly the generated records.
 */
class GeneratedDumpsReadBackTest {
    private static List<Comment> generated;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        generated = new ArrayList<>();
        new CommentGenerator(new GeneratorSettings(3000, 7, 0.1, 0.05)).forEachRemaining(generated::add);
    }

    private Path write(OutputFormat format, String name) throws Exception {
        return DumpFixtures.writeDump(dir.resolve(name), format, generated);
    }

    private void assertReadsBackAsGenerated(Path file, InputFormat expectedFormat) throws Exception {
        try (CommentReader r = DumpFixtures.open(file, null, ErrorPolicy.FAIL)) {
            assertEquals(expectedFormat, r.format());
            List<Comment> back = new ArrayList<>();
            r.forEachRemaining(back::add);
            assertEquals(generated.size(), back.size());
            List<Comment> want = generated;
            if (expectedFormat == InputFormat.POSTGRES_CSV) { // a table has no row order: compare sorted
                want = sortedByText(generated);
                back = sortedByText(back);
            }
            for (int i = 0; i < want.size(); i++) {
                assertEquals(want.get(i), back.get(i), file.getFileName() + " row " + (i + 1));
            }
        }
    }

    private static List<Comment> sortedByText(List<Comment> rows) {
        List<Comment> out = new ArrayList<>(rows);
        out.sort(java.util.Comparator.comparing(Comment::toString));
        return out;
    }

    @Test
    void csvWrittenByTheWriterReadsBack() throws Exception {
        assertReadsBackAsGenerated(write(OutputFormat.CSV, "g.csv.gz"), InputFormat.CSV);
    }

    @Test
    void psqlWrittenByTheWriterReadsBack() throws Exception {
        Path f = write(OutputFormat.PSQL, "g.psql");
        long linesWithExtraPipes = Files.readAllLines(f).stream()
                .filter(l -> l.chars().filter(ch -> ch == '|').count() > 22).count();
        assertTrue(linesWithExtraPipes > 0, "the generated data exercises '|' inside text");
        assertReadsBackAsGenerated(f, InputFormat.PSQL);
    }

    @Test
    void jsonLinesWrittenByTheWriterReadBack() throws Exception {
        assertReadsBackAsGenerated(write(OutputFormat.JSONL, "g.jsonl"), InputFormat.JSONL);
    }

    @Test
    void postgresCopyCsvReadsBack() throws Exception {
        Path f = dir.resolve("g.copy.csv");
        try (Connection c = TestDatabase.get().connect()) {
            CommentsTable.create(c, "generated_rows");
            CommentsTable.insert(c, "generated_rows", generated);
            try (OutputStream out = Files.newOutputStream(f)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("COPY (SELECT * FROM generated_rows) TO STDOUT WITH (FORMAT csv, HEADER)", out);
            }
        }
        assertReadsBackAsGenerated(f, InputFormat.POSTGRES_CSV);
    }

    @Test
    void headerlessCopyCsvAsUnloadWritesItReadsBackInTableOrder() throws Exception {
        Path f = dir.resolve("g.unload.csv");
        try (Connection c = TestDatabase.get().connect()) {
            CommentsTable.create(c, "generated_rows_unload");
            CommentsTable.insert(c, "generated_rows_unload", generated);
            try (OutputStream out = Files.newOutputStream(f)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("COPY generated_rows_unload TO STDOUT WITH (FORMAT csv)", out);
            }
        }
        assertReadsBackAsGenerated(f, InputFormat.POSTGRES_CSV);
    }

    @Test
    void csv2019WithBackslashEscapedQuotesReadsBack() throws Exception {
        Path csv = write(OutputFormat.CSV, "g.csv");
        String sed = Files.readString(csv, StandardCharsets.UTF_8).replace("\"\"", "\\\""); // sed 's/""/\\"/g'
        assertReadsBackAsGenerated(Files.writeString(dir.resolve("g.2019.csv"), sed), InputFormat.CSV_2019);
    }
}
