package dev.trollwatch.io.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jackson's messages as users read them: what went wrong, never the Java setting that would allow it. */
class JsonErrorTextTest {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // found by probing: `serve` and model files answered with these settings' names
        "{\"a\": NaN}         | Non-standard token 'NaN'",
        "{\"a\": +1}          | Unexpected character ('+' (code 43)) in numeric value",
        "[                    | Unexpected end-of-input: expected close marker for Array (start marker at [line: 1, column: 1])",
        "{} {}                | Trailing token (of type START_OBJECT) found after value",
    })
    void theReasonNamesNoJavaSetting(String json, String expectedStart) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> STRICT.readTree(json));
        String reason = JsonErrorText.reason(e);
        assertTrue(reason.startsWith(expectedStart), reason);
        assertFalse(reason.contains("`"), reason);
        assertFalse(reason.contains("Feature"), reason);
        assertFalse(reason.contains("REDACTED"), reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Number value length (5001) exceeds the maximum allowed (1000), from `StreamReadConstraints.getMaxNumberLength()`"
            + " | Number value length (5001) exceeds the maximum allowed (1000)",
        "String value length (20051112) exceeds the maximum allowed (20000000) from `StreamReadConstraints.getMaxStringLength()`"
            + " | String value length (20051112) exceeds the maximum allowed (20000000)",
    })
    void limitMessagesKeepTheirNumbersOnly(String message, String expected) {
        assertEquals(expected, JsonErrorText.reason(new JsonProcessingException(message) { }));
    }

    @org.junit.jupiter.api.Test
    void aKeyOverTheLimitIsCalledAKey() {
        ObjectMapper limited = JsonMapper.builder().build();
        limited.getFactory().setStreamReadConstraints(JsonLimits.constraints());
        String json = "{\"a\": 1, \"" + "k".repeat(JsonLimits.MAX_KEY_LENGTH + 5) + "\": 1}";
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> limited.readTree(json));
        assertTrue(JsonErrorText.isKeyTooLong(e));
        assertEquals("a key is longer than 1000 characters (1005)", JsonErrorText.reason(e));
        JsonProcessingException other = assertThrows(JsonProcessingException.class, () -> limited.readTree("{\"a\": nope}"));
        assertFalse(JsonErrorText.isKeyTooLong(other));
    }
}
