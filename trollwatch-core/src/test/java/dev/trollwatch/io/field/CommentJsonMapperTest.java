package dev.trollwatch.io.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.comment.Comment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommentJsonMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECENT = "[{\"banned_by\": null, \"no_follow\": true, \"gilded\": false, "
            + "\"num_comments\": 1.0, \"created_utc\": 1550213000.0, \"score\": 1.0, \"body\": \"I am a bot\", "
            + "\"controversiality\": 0.0, \"ups\": 1.0, \"quarantine\": \"false\"}]";

    private static String articleRequest(String recentJsonValue) {
        return "{\"banned_by\":null,\"no_follow\":true,\"link_id\":\"t3_aqtwe1\",\"gilded\":false,"
                + "\"author\":\"AutoModerator\",\"author_verified\":false,\"author_comment_karma\":445850.0,"
                + "\"author_link_karma\":1778.0,\"num_comments\":1.0,\"created_utc\":1550213389.0,\"score\":1.0,"
                + "\"over_18\":false,\"body\":\"Hey, thanks for posting at \\\\/r\\\\/SwitchHaxing!\",\"downs\":0.0,"
                + "\"is_submitter\":false,\"num_reports\":null,\"controversiality\":0.0,\"quarantine\":\"false\","
                + "\"ups\":1.0,\"is_bot\":true,\"is_troll\":false,\"recent_comments\":" + recentJsonValue + "}";
    }

    @Test
    void articleSampleRequestWithRecentCommentsAsAStringMaps() throws Exception {
        JsonNode node = JSON.readTree(articleRequest(JSON.writeValueAsString(RECENT)));
        Comment c = CommentJsonMapper.fromJson(node);
        assertEquals("AutoModerator", c.author());
        assertEquals(445850.0, c.authorCommentKarma());
        assertEquals(0.0, c.gilded());
        assertEquals("false", c.quarantine());
        assertEquals("Hey, thanks for posting at \\/r\\/SwitchHaxing!", c.body());
        assertEquals(RECENT, c.recentCommentsJson());
        assertEquals("I am a bot", c.recentComments().get(0).body());
        assertEquals(0.0, c.recentComments().get(0).gilded());
    }

    @Test
    void recentCommentsAsAnArrayIsAccepted() throws Exception {
        Comment c = CommentJsonMapper.fromJson(JSON.readTree(articleRequest(RECENT)));
        assertEquals(1, c.recentComments().size());
        assertEquals(1550213000.0, c.recentComments().get(0).createdUtc());
    }

    @Test
    void anInfiniteNumberInRecentCommentsGivenAsAnArrayIsReportedAsANumberNotAsAString() throws Exception {
        String array = articleRequest(RECENT.replace("\"score\": 1.0", "\"score\": 1e999999"));
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> CommentJsonMapper.fromJson(CommentJsonMapper.mapper().readTree(array)));
        // The tree holds the number as infinite; its text again would be the string "Infinity".
        assertEquals("column recent_comments[0].score: expected a finite number, got Infinity", e.getMessage());
        assertEquals("recent_comments[0].score", e.column());
        // Given as a string, the same value is quoted as written.
        String text = articleRequest(JSON.writeValueAsString(RECENT.replace("\"score\": 1.0", "\"score\": 1e999999")));
        assertEquals("column recent_comments[0].score: expected a finite number, got 1e999999",
                assertThrows(InvalidFieldException.class,
                        () -> CommentJsonMapper.fromJson(CommentJsonMapper.mapper().readTree(text))).getMessage());
    }

    @Test
    void mapInputWorksLikeJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("author", "a");
        m.put("link_id", "t3_x");
        m.put("created_utc", 1.0);
        m.put("body", "b");
        m.put("recent_comments", List.of());
        m.put("no_follow", true);
        m.put("author_verified", "f");
        m.put("author_comment_karma", 3);
        m.put("author_link_karma", "4.5");
        m.put("over_18", false);
        m.put("is_submitter", null);
        Comment c = CommentJsonMapper.fromJson(JSON.valueToTree(m));
        assertEquals(Boolean.FALSE, c.authorVerified());
        assertEquals(3.0, c.authorCommentKarma());
        assertEquals(4.5, c.authorLinkKarma());
        assertEquals("[]", c.recentCommentsJson());
    }

    @Test
    void errorNamesTheOffendingField() throws Exception {
        String bad = articleRequest(RECENT).replace("\"over_18\":false", "\"over_18\":\"maybe\"");
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> CommentJsonMapper.fromJson(JSON.readTree(bad)));
        assertEquals("over_18", e.column());
        assertEquals("column over_18: expected a boolean (true/false/t/f/1/0), got \"maybe\"", e.getMessage());
    }

    @Test
    void missingRequiredKeysAreListed() throws Exception {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> CommentJsonMapper.fromJson(JSON.readTree("{\"author\": \"a\", \"body\": \"b\"}")));
        assertTrue(e.getMessage().startsWith("missing required keys: no_follow, link_id, author_verified"),
                e.getMessage());
    }

    @Test
    void nonObjectIsRejected() throws Exception {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> CommentJsonMapper.fromJson(JSON.readTree("[1]")));
        assertEquals("expected a JSON object, got an array", e.getMessage());
    }

    @Test
    void aLoneSurrogateInATextColumnIsMalformedAndAPairIsText() throws Exception {
        String lone = articleRequest(RECENT).replace("\"AutoModerator\"", "\"Auto\\ud800Moderator\"");
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> CommentJsonMapper.fromJson(JSON.readTree(lone)));
        assertEquals("column author: expected Unicode text, got a lone surrogate \\ud800 at character 5"
                + " (a JSON escape without its pair)", e.getMessage());
        String trailing = articleRequest(RECENT).replace("\"t3_aqtwe1\"", "\"t3_aqtwe1\\udfff\"");
        assertEquals("link_id", assertThrows(InvalidFieldException.class,
                () -> CommentJsonMapper.fromJson(JSON.readTree(trailing))).column());
        String pair = articleRequest(RECENT).replace("\"AutoModerator\"", "\"Auto\\ud83d\\ude00\"");
        assertEquals("Auto\ud83d\ude00", CommentJsonMapper.fromJson(JSON.readTree(pair)).author());
        String loneInRecent = articleRequest(RECENT.replace("I am a bot", "I am \\udc00 bot"));
        assertEquals("I am \udc00 bot", CommentJsonMapper.fromJson(JSON.readTree(loneInRecent))
                .recentComments().get(0).body());
    }

    @Test
    void aNulEscapeInATextColumnIsMalformed() throws Exception {
        // Found by probing: "\u0000" was written as a raw NUL into CSV, which every reader then refused.
        String nul = articleRequest(RECENT).replace("\"AutoModerator\"", "\"\\u0000AutoModerator\"");
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> CommentJsonMapper.fromJson(JSON.readTree(nul)));
        assertEquals("column author: expected text without NUL characters, got a NUL (\\u0000) at character 1",
                e.getMessage());
        String inRecent = articleRequest(RECENT.replace("I am a bot", "I am \\u0000 bot"));
        assertEquals("I am \u0000 bot", CommentJsonMapper.fromJson(JSON.readTree(inRecent)).recentComments().get(0).body(),
                "recent bodies are only featurized: the escape stays as the Python pipeline read it");
    }
}
