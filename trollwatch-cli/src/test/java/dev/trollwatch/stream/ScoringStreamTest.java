package dev.trollwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.cli.CliRunner;
import dev.trollwatch.features.Label;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.pipeline.PredictionAnswer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The scoring stream against a real KRaft broker in this JVM (one broker for the whole class). */
class ScoringStreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void everyCommentGetsTheVerdictPredictGivesInPartitionOrder(@TempDir Path dir) throws Exception {
        ProducerShapedComments comments = ProducerShapedComments.generate(400, 11);
        KAFKA.broker().createTopics(3, "c1", "v1", "c1-rejected");
        KAFKA.broker().produce(comments.records("c1"));

        List<ConsumerRecord<byte[], byte[]>> verdicts;
        try (RunningStream stream = RunningStream.start(RunningStream.settings(KAFKA.broker(), "c1", "v1", "g1", "tw-1"));
             KafkaBroker.TopicReader reader = KAFKA.broker().reader("v1", true)) {
            reader.awaitAtLeast(comments.size(), WAIT);
            verdicts = reader.readToEnd(WAIT);
        }
        assertEquals(comments.size(), verdicts.size(), "one verdict per comment");

        Map<String, CSVRecord> predicted = predictions(comments.writeJsonl(dir));
        String modelId = ModelFiles.load(RunningStream.model()).modelId();
        Set<String> sources = new HashSet<>();
        Map<String, Long> lastOffset = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : verdicts) {
            JsonNode v = JSON.readTree(r.value());
            String key = v.get("author").asText() + "|" + v.get("link_id").asText() + "|"
                    + v.get("created_utc").asDouble();
            CSVRecord p = predicted.get(key);
            assertNotNull(p, "predict scored " + key);
            Label label = Label.parse(p.get("predicted"));
            assertEquals(label.text(), v.get("class").asText(), key);
            assertEquals(PredictionAnswer.words(label), v.get("prediction").asText(), key);
            for (Label l : Label.values()) {
                assertEquals(Double.parseDouble(p.get("p_" + l.text())), v.get("probabilities").get(l.text()).asDouble(),
                        0.0, key + " p_" + l.text());
            }
            assertEquals(modelId, v.get("model_id").asText());
            assertEquals(v.get("author").asText(), new String(r.key(), StandardCharsets.UTF_8), "keyed as the input");

            JsonNode source = v.get("source");
            assertEquals("c1", source.get("topic").asText());
            String sourcePartition = "c1-" + source.get("partition").asInt() + "->" + r.partition();
            long offset = source.get("offset").asLong();
            assertTrue(sources.add(source.get("partition").asInt() + "@" + offset), "one verdict per message");
            Long previous = lastOffset.put(sourcePartition, offset);
            assertTrue(previous == null || previous < offset, "verdicts of " + sourcePartition + " in input order");
        }
    }

    @Test
    void badMessagesGoToTheDeadLetterTopicAndTheGoodOnesAreStillScored() throws Exception {
        List<String> good = ProducerShapedComments.generate(30, 12).json();
        JsonNode sample = JSON.readTree(good.get(0));
        List<byte[]> bad = List.of(
                "{\"author\": \"x\", oops".getBytes(StandardCharsets.UTF_8),
                replaced(sample, "score", "\"abc\""),
                replaced(sample, "recent_comments", "\"[{\\\"body\\\": 1,]\""),
                replaced(sample, "recent_comments", "42"),
                removed(sample, "author"),
                "[1, 2]".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe, 0x00},
                ("{\"score\": " + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8)); // over Jackson's limit
        String[] expectedField = {null, "score", "recent_comments", "recent_comments", "author", null, null, null};
        KAFKA.broker().createTopics(2, "c2", "v2", "c2-rejected");
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < good.size(); i++) {
            records.add(new ProducerRecord<>("c2", 0, null, good.get(i).getBytes(StandardCharsets.UTF_8)));
            if (i < bad.size()) {
                RecordHeaders headers = new RecordHeaders(List.of(new RecordHeader("trace-id", ("t" + i).getBytes(StandardCharsets.UTF_8))));
                records.add(new ProducerRecord<>("c2", 0, ("bad" + i).getBytes(StandardCharsets.UTF_8), bad.get(i), headers));
            }
        }
        records.add(new ProducerRecord<>("c2", 1, "tombstone".getBytes(StandardCharsets.UTF_8), null));
        KAFKA.broker().produce(records);

        List<ConsumerRecord<byte[], byte[]>> verdicts;
        List<ConsumerRecord<byte[], byte[]>> rejected;
        StreamProgress last;
        try (RunningStream stream = RunningStream.start(RunningStream.settings(KAFKA.broker(), "c2", "v2", "g2", "tw-2"));
             KafkaBroker.TopicReader verdictReader = KAFKA.broker().reader("v2", true);
             KafkaBroker.TopicReader rejectReader = KAFKA.broker().reader("c2-rejected", true)) {
            verdictReader.awaitAtLeast(good.size(), WAIT);
            verdicts = verdictReader.readToEnd(WAIT);
            rejectReader.awaitAtLeast(bad.size() + 1, WAIT);
            rejected = rejectReader.readToEnd(WAIT);
            stream.close();
            last = stream.progress();
        }
        assertEquals(good.size(), verdicts.size(), "every good comment scored");
        assertEquals(bad.size() + 1, rejected.size(), "every bad message dead-lettered");
        assertEquals(good.size(), last.verdicts());
        assertEquals(bad.size() + 1, last.rejected(), "rejects are counted");

        Map<String, ConsumerRecord<byte[], byte[]>> byKey = new HashMap<>();
        rejected.forEach(r -> byKey.put(new String(r.key(), StandardCharsets.UTF_8), r));
        for (int i = 0; i < bad.size(); i++) {
            ConsumerRecord<byte[], byte[]> r = byKey.get("bad" + i);
            assertNotNull(r, "bad" + i + " dead-lettered");
            assertTrue(java.util.Arrays.equals(bad.get(i), r.value()), "original bytes kept");
            assertEquals("t" + i, header(r, "trace-id"), "original headers kept");
            assertEquals(expectedField[i], header(r, DeadLetters.FIELD), "field of bad" + i);
            assertNotNull(header(r, DeadLetters.REASON));
            assertEquals("c2", header(r, DeadLetters.SOURCE_TOPIC));
            assertEquals("0", header(r, DeadLetters.SOURCE_PARTITION));
        }
        assertTrue(header(byKey.get("bad0"), DeadLetters.REASON).startsWith("not JSON"), header(byKey.get("bad0"), DeadLetters.REASON));
        assertTrue(header(byKey.get("bad1"), DeadLetters.REASON).contains("expected a number"), header(byKey.get("bad1"), DeadLetters.REASON));
        assertTrue(header(byKey.get("bad2"), DeadLetters.REASON).contains("recent_comments"), header(byKey.get("bad2"), DeadLetters.REASON));
        assertTrue(header(byKey.get("bad4"), DeadLetters.REASON).contains("author"), header(byKey.get("bad4"), DeadLetters.REASON));
        assertEquals("empty message (no value)", header(byKey.get("tombstone"), DeadLetters.REASON));
    }

    @Test
    void twoInstancesInOneGroupSplitThePartitions() throws Exception {
        KAFKA.broker().createTopics(4, "c3", "v3", "c3-rejected");
        ProducerShapedComments comments = ProducerShapedComments.generate(240, 13);
        List<ConsumerRecord<byte[], byte[]>> verdicts;
        StreamProgress a;
        StreamProgress b;
        try (RunningStream first = RunningStream.start(RunningStream.settings(KAFKA.broker(), "c3", "v3", "g3", "tw-3a"));
             RunningStream second = RunningStream.start(RunningStream.settings(KAFKA.broker(), "c3", "v3", "g3", "tw-3b"));
             KafkaBroker.TopicReader reader = KAFKA.broker().reader("v3", true)) {
            assertTrue(first.awaitPartitions(2, WAIT), "first instance holds 2 of 4 partitions: " + first.assignment());
            assertTrue(second.awaitPartitions(2, WAIT), "second instance holds 2 of 4 partitions: " + second.assignment());
            Set<TopicPartition> all = new HashSet<>(first.assignment());
            all.addAll(second.assignment());
            assertEquals(4, all.size(), "disjoint and together all partitions: " + first.assignment() + " " + second.assignment());

            KAFKA.broker().produce(comments.records("c3"));
            reader.awaitAtLeast(comments.size(), WAIT);
            verdicts = reader.readToEnd(WAIT);
            first.close();
            second.close();
            a = first.progress();
            b = second.progress();
        }
        assertEquals(comments.size(), verdicts.size());
        Set<String> sources = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : verdicts) {
            JsonNode s = JSON.readTree(r.value()).get("source");
            assertTrue(sources.add(s.get("partition").asInt() + "@" + s.get("offset").asLong()), "no verdict twice");
        }
        assertTrue(a.verdicts() > 0 && b.verdicts() > 0, "both instances scored: " + a + " " + b);
        assertEquals(comments.size(), a.verdicts() + b.verdicts());
    }

    private static Map<String, CSVRecord> predictions(Path jsonl) throws Exception {
        CliRunner.Result r = CliRunner.run("-q", "predict", "--model", RunningStream.model().toString(), "--in",
                jsonl.toString(), "--format", "jsonl");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, CSVRecord> out = new HashMap<>();
        for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.out()))) {
            String key = rec.get("author") + "|" + rec.get("link_id") + "|" + Double.parseDouble(rec.get("created_utc"));
            assertTrue(out.put(key, rec) == null, "unique comment keys in the test data: " + key);
        }
        return out;
    }

    private static byte[] replaced(JsonNode sample, String key, String rawJson) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode o = sample.deepCopy();
        o.set(key, JSON.readTree(rawJson));
        return JSON.writeValueAsBytes(o);
    }

    private static byte[] removed(JsonNode sample, String key) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode o = sample.deepCopy();
        o.remove(key);
        return JSON.writeValueAsBytes(o);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String key) {
        var h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
