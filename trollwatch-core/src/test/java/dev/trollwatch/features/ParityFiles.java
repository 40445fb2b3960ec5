package dev.trollwatch.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.RecentComment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Test-only readers for the golden parity files: the RFC 4180 dump (true/false booleans, empty =
 * null) and the reference's features CSV (True/False, created_utc as 'YYYY-MM-DD HH:MM:SS' UTC).
 * Deliberately minimal; the product's dump readers live in dev.trollwatch.io.
 */
public final class ParityFiles {
    public static final String DUMP = "/golden/parity-sample.csv.gz";
    static final String FEATURES = "/golden/parity-sample.features.csv.gz";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ParityFiles() {
    }

    /** A reference features row: key, 20 values, label text. */
    public record ExpectedRow(String author, String linkId, double createdUtc, double[] values, String target) {
    }

    public static List<Comment> readDump() {
        List<Comment> out = new ArrayList<>();
        for (CSVRecord r : records(DUMP)) {
            out.add(new Comment(
                    text(r.get("banned_by")), bool(r.get("no_follow")), text(r.get("link_id")), num(r.get("gilded")),
                    text(r.get("author")), bool(r.get("author_verified")), num(r.get("author_comment_karma")),
                    num(r.get("author_link_karma")), num(r.get("num_comments")), num(r.get("created_utc")),
                    num(r.get("score")), bool(r.get("over_18")), text(r.get("body")), num(r.get("downs")),
                    bool(r.get("is_submitter")), num(r.get("num_reports")), num(r.get("controversiality")),
                    text(r.get("quarantine")), num(r.get("ups")), bool(r.get("is_bot")), bool(r.get("is_troll")),
                    text(r.get("recent_comments")), recent(r.get("recent_comments")), bool(r.get("is_training"))));
        }
        return out;
    }

    public static List<ExpectedRow> readExpected() {
        List<ExpectedRow> out = new ArrayList<>();
        for (CSVRecord r : records(FEATURES)) {
            double[] v = new double[FeatureSchema.SIZE];
            for (int i = 0; i < v.length; i++) {
                String s = r.get(FeatureSchema.NAMES.get(i));
                v[i] = switch (s) {
                    case "True" -> 1.0;
                    case "False" -> 0.0;
                    // The reference left a null karma as NaN (an empty field); trollwatch documents 0.
                    case "" -> 0.0;
                    default -> Double.parseDouble(s);
                };
            }
            double created = LocalDateTime.parse(r.get("created_utc"), TIME).toEpochSecond(ZoneOffset.UTC);
            out.add(new ExpectedRow(r.get("author"), r.get("link_id"), created, v, r.get("target")));
        }
        return out;
    }

    /** The non-blank lines of a golden JSON Lines resource (e.g. {@code /golden/difflib_ratio.jsonl}), parsed. */
    public static List<JsonNode> jsonLines(String resource) {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream raw = Objects.requireNonNull(ParityFiles.class.getResourceAsStream(resource), resource);
                BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of a gzip-compressed golden CSV resource with a header. */
    public static List<CSVRecord> records(String resource) {
        try (InputStream raw = Objects.requireNonNull(ParityFiles.class.getResourceAsStream(resource), resource);
                Reader in = new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return p.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RecentComment> recent(String json) {
        if (json.isEmpty()) {
            return List.of();
        }
        try {
            List<RecentComment> out = new ArrayList<>();
            for (JsonNode o : JSON.readTree(json)) {
                out.add(new RecentComment(
                        jtext(o, "banned_by"), jbool(o, "no_follow"), jtext(o, "link_id"), jnum(o, "gilded"),
                        jtext(o, "author"), jbool(o, "author_verified"), jnum(o, "author_comment_karma"),
                        jnum(o, "author_link_karma"), jnum(o, "num_comments"), jnum(o, "created_utc"),
                        jnum(o, "score"), jbool(o, "over_18"), jtext(o, "body"), jnum(o, "downs"),
                        jbool(o, "is_submitter"), jnum(o, "num_reports"), jnum(o, "controversiality"),
                        jtext(o, "quarantine"), jnum(o, "ups")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String s) {
        return s.isEmpty() ? null : s;
    }

    private static Boolean bool(String s) {
        return s.isEmpty() ? null : Boolean.valueOf(s.equals("true") || s.equals("t") || s.equals("True"));
    }

    private static Double num(String s) {
        return s.isEmpty() ? null : Double.valueOf(s);
    }

    private static String jtext(JsonNode o, String k) {
        JsonNode v = o.get(k);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Boolean jbool(JsonNode o, String k) {
        JsonNode v = o.get(k);
        return v == null || v.isNull() ? null : v.isBoolean() ? v.booleanValue() : Boolean.valueOf(v.asText().equals("true"));
    }

    private static Double jnum(JsonNode o, String k) {
        JsonNode v = o.get(k);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 1.0 : 0.0;
        }
        return v.isNumber() ? v.doubleValue() : Double.valueOf(v.asText());
    }
}
