package dev.trollwatch.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.fuzz.FuzzTally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the HTTP API with mutated real requests ({@code src/test/resources/serve/*.json}), sent
 * with a Content-Length or chunked, to {@code /} or {@code /predict}. Property: every input gets a
 * clean answer — a 2xx with predictions or a 4xx JSON error — within the read timeout; never a
 * 5xx, an HTML page, a hang or an oversized answer. CI runs jqwik's default number of tries;
 * {@code scripts/fuzz serve} runs 100,000 ({@code -Djqwik.tries.default}) and reports the tally.
 */
class ServeFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ANSWER_BYTES = 1 << 20;
    private static final FuzzTally TALLY = new FuzzTally("serve");
    private static final List<byte[]> SEEDS = seeds();
    private static ScoringServer server;
    private static KeepAliveClient client;

    /** One fuzz input: a mutated body and how it is framed. */
    record Input(int seed, List<RequestMutations.Mutation> mutations, String path, int chunkSize) {
        byte[] request() {
            byte[] body = RequestMutations.applyAll(SEEDS.get(seed), mutations);
            return chunkSize == 0 ? RawHttp.post(path, body) : RawHttp.postChunked(path, body, chunkSize);
        }
    }

    @BeforeContainer
    static void start() throws IOException {
        server = ScoringServer.start(ServeFixtures.model(), ServeFixtures.featurizer(), ServeOptions.defaults(0));
        client = new KeepAliveClient(server.port());
    }

    @AfterContainer
    static void stop() {
        client.close();
        server.stop();
        TALLY.report();
    }

    @Property
    void everyMutatedRequestGetsACleanJsonAnswer(@ForAll("inputs") Input input) throws IOException {
        TALLY.input();
        RawHttp.Answer a;
        try {
            a = client.send(input.request());
        } catch (RawHttp.Hang hang) {
            TALLY.hang();
            throw hang;
        }
        TALLY.outcome(Integer.toString(a.status()));
        try {
            assertClean(a);
        } catch (AssertionError | IOException e) {
            TALLY.crash();
            throw e;
        }
    }

    private static void assertClean(RawHttp.Answer a) throws IOException {
        boolean ok = a.status() >= 200 && a.status() < 300;
        assertTrue(ok || (a.status() >= 400 && a.status() < 500), "status " + a.status() + ": " + a.text());
        assertEquals("application/json", a.header("Content-Type"), a.text());
        assertTrue(a.body().length < MAX_ANSWER_BYTES, "answer of " + a.body().length + " bytes");
        JsonNode answer = JSON.readTree(a.body());
        if (ok) {
            JsonNode first = answer.isArray() && !answer.isEmpty() ? answer.get(0) : answer;
            assertTrue(answer.isArray() && answer.isEmpty() || first.path("prediction").isTextual(), a.text());
        } else {
            assertTrue(answer.path("error").isTextual(), a.text());
            assertTrue(a.body().length < 1000, "a short error: " + a.text());
        }
    }

    @Provide
    Arbitrary<Input> inputs() {
        return Combinators.combine(
                Arbitraries.integers().between(0, SEEDS.size() - 1),
                RequestMutations.mutations(),
                Arbitraries.of("/", "/predict"),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.just(0)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 20_000))))
                .as(Input::new);
    }

    private static List<byte[]> seeds() {
        try (Stream<Path> files = Files.list(Path.of(ServeFuzzTest.class.getResource("/serve").toURI()))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
