package dev.trollwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Generated comments in the shape the 2019 producer ({@code kafka-stream.js}) sent them: the API body
 * plus extras the model does not use ({@code subreddit}, {@code author_created_at}, {@code edited},
 * {@code link_title}), {@code is_bot}/{@code is_troll} null, {@code is_training} false, and
 * {@code recent_comments} a string holding a JSON array — or, for every third comment, the array itself.
 */
public record ProducerShapedComments(List<String> json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code rows} comments from {@code trollwatch generate} (whose authors have up to 20 recent comments). */
    public static ProducerShapedComments generate(int rows, int seed) throws IOException {
        CliRunner.Result r = CliRunner.run("-q", "generate", "--rows", Integer.toString(rows), "--seed",
                Integer.toString(seed), "--format", "jsonl");
        assertEquals(0, r.exitCode(), r.err());
        List<String> out = new ArrayList<>();
        int i = 0;
        for (String line : r.out().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode o = (ObjectNode) JSON.readTree(line);
            o.put("subreddit", "politics");
            o.put("author_created_at", 1_300_000_000L + i);
            o.put("edited", false);
            o.put("link_title", "Thread " + o.get("link_id").asText());
            o.putNull("is_bot");
            o.putNull("is_troll");
            o.put("is_training", false);
            if (i % 3 == 2) {
                o.set("recent_comments", JSON.readTree(o.get("recent_comments").asText()));
            }
            out.add(JSON.writeValueAsString(o));
            i++;
        }
        return new ProducerShapedComments(List.copyOf(out));
    }

    /** One message per comment, keyed by author (so one author's comments stay in order on one partition). */
    public List<ProducerRecord<byte[], byte[]>> records(String topic) throws IOException {
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (String j : json) {
            String author = JSON.readTree(j).get("author").asText();
            out.add(new ProducerRecord<>(topic, author.getBytes(StandardCharsets.UTF_8), j.getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** The same comments as a JSON Lines dump, for {@code trollwatch predict}. */
    public Path writeJsonl(Path dir) throws IOException {
        Path f = dir.resolve("comments.jsonl");
        Files.write(f, json, StandardCharsets.UTF_8);
        return f;
    }

    public int size() {
        return json.size();
    }
}
