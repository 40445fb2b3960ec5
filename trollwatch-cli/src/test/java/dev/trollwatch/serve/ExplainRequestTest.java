package dev.trollwatch.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.features.Label;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code "explain": true} or {@code ?explain=1} adds an {@code explanation} to the 2019 answer, over real HTTP. */
class ExplainRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ScoringServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        server = ScoringServer.start(ServeFixtures.model(), ServeFixtures.featurizer(),
                new ServeOptions("127.0.0.1", 0, 2, 64 * 1024, 50, Duration.ofSeconds(5)));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void explainTrueAddsPathLeafSupportAndContributionsAndKeepsThe2019Fields() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(ServeFixtures.autoModeratorRequest());
        JsonNode plain = JSON.readTree(post("/", request.toString()).body());
        request.put("explain", true);
        HttpResponse<String> r = post("/", request.toString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = JSON.readTree(r.body());
        assertEquals(plain.get("prediction"), answer.get("prediction"));
        assertEquals(plain.get("probabilities"), answer.get("probabilities"));
        assertFalse(plain.has("explanation"));
        JsonNode e = answer.get("explanation");
        assertTrue(e.get("path").size() >= 1, r.body());
        for (JsonNode step : e.get("path")) {
            assertTrue(step.has("feature") && step.has("value") && step.has("op") && step.has("threshold"), step.toString());
        }
        String predicted = answer.get("class").asText();
        assertEquals(predicted, e.get("leaf").get("class").asText());
        for (Label l : Label.values()) {
            assertTrue(e.get("leaf").get("rows").has(l.text()) && e.get("leaf").get("frequencies").has(l.text()));
        }
        assertTrue(e.get("leaf").get("note").asText().contains("class-weighted"));
        double sum = e.get("contributions").get("base_value").asDouble();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.get("contributions").get("values").fields(); it.hasNext(); ) {
            sum += it.next().getValue().asDouble();
        }
        assertEquals(answer.get("probabilities").get(predicted).asDouble(), sum, 1e-12);
    }

    @Test
    void explainQueryParameterExplainsEveryCommentOfABatch() throws Exception {
        String one = ServeFixtures.autoModeratorRequest();
        String batch = "[" + one + "," + ServeFixtures.requestPredictedAs(Label.TROLL) + "]";
        JsonNode answers = JSON.readTree(post("/predict?explain=1", batch).body());
        assertEquals(2, answers.size());
        for (JsonNode a : answers) {
            assertTrue(a.has("explanation"), a.toString());
        }
        assertEquals("troll", answers.get(1).get("explanation").get("leaf").get("class").asText());
    }

    @Test
    void explainThatIsNotABooleanIsA400NamingIt() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(ServeFixtures.autoModeratorRequest());
        request.put("explain", "yes");
        HttpResponse<String> r = post("/", request.toString());
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("explain", JSON.readTree(r.body()).path("field").asText(), r.body());
    }

    @Test
    void anExplainQueryValueOtherThanOneTrueZeroOrFalseIsA400() throws Exception {
        // Found by probing: ?explain=yes and ?explain= were silently no explanation.
        String body = ServeFixtures.autoModeratorRequest();
        for (String query : new String[] {"?explain=yes", "?explain=", "?explain=1&explain=0"}) {
            HttpResponse<String> r = post("/predict" + query, body);
            assertEquals(400, r.statusCode(), query + ": " + r.body());
            assertEquals("?explain", JSON.readTree(r.body()).path("field").asText(), r.body());
        }
        assertFalse(JSON.readTree(post("/predict?explain=0", body).body()).has("explanation"));
        assertTrue(JSON.readTree(post("/predict?explain=true&explain=1", body).body()).has("explanation"));
        assertTrue(JSON.readTree(post("/predict?x=1&explain", body).body()).has("explanation"));
        // %31 is 1: the query was compared undecoded, and a client library's escaping was a 400
        assertTrue(JSON.readTree(post("/predict?explain=%31", body).body()).has("explanation"));
        assertTrue(JSON.readTree(post("/predict?%65xplain=true", body).body()).has("explanation"));
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
