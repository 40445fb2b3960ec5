package dev.trollwatch.io.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.RecentComment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommentWritersTest {
    private static final RecentComment EARLIER = new RecentComment(null, true, "t3_a0pjxd", 0.0, "old_salty", true,
            917.0, 433.0, 100.0, 1542745217.0, 1.0, false, "a|b", 0.0, false, null, 1.0, "false", 1.0);

    private static final Comment ROW = new Comment(null, true, "t3_a82dcd", 0.0, "old_salty", true, 917.0, 433.0,
            101.0, 1545170506.0, -2.0, false, "it's \"fine\", a|b \\ caf\u00e9", 0.0, false, null, 1.0, "false", -2.0,
            false, true, null, List.of(EARLIER), true);

    private static final String RECENT = "[{\"banned_by\": null, \"no_follow\": true, \"link_id\": \"t3_a0pjxd\", "
            + "\"gilded\": 0, \"author\": \"old_salty\", \"author_verified\": true, \"author_comment_karma\": 917.0, "
            + "\"author_link_karma\": 433.0, \"num_comments\": 100.0, \"created_utc\": 1542745217.0, \"score\": 1.0, "
            + "\"over_18\": false, \"body\": \"a|b\", \"downs\": 0.0, \"is_submitter\": false, \"num_reports\": null, "
            + "\"controversiality\": 1.0, \"quarantine\": \"false\", \"ups\": 1.0}]";

    private static final String HEADER = "banned_by,no_follow,link_id,gilded,author,author_verified,"
            + "author_comment_karma,author_link_karma,num_comments,created_utc,score,over_18,body,downs,is_submitter,"
            + "num_reports,controversiality,quarantine,ups,is_bot,is_troll,recent_comments,is_training";

    @Test
    void csvIsRfc4180WithHeaderTrueFalseAndEmptyNulls() throws IOException {
        String expected = HEADER + "\r\n"
                + ",true,t3_a82dcd,0,old_salty,true,917.0,433.0,101.0,1545170506.0,-2.0,false,"
                + "\"it's \"\"fine\"\", a|b \\ caf\u00e9\",0.0,false,,1.0,false,-2.0,false,true,\""
                + RECENT.replace("\"", "\"\"") + "\",true\r\n";
        assertEquals(expected, write(OutputFormat.CSV, ROW));
    }

    @Test
    void psqlIsUnquotedPipeJoinedWithTfBooleansAndRowCountFooter() throws IOException {
        String expected = HEADER.replace(',', '|') + "\n"
                + "|t|t3_a82dcd|0|old_salty|t|917|433|101|1545170506|-2|f|it's \"fine\", a|b \\ caf\u00e9|0|f||1|false|-2"
                + "|f|t|" + RECENT + "|t\n"
                + "(1 row)\n";
        assertEquals(expected, write(OutputFormat.PSQL, ROW));
    }

    @Test
    void psqlFooterCountsRowsInPlural() throws IOException {
        String out = write(OutputFormat.PSQL, ROW, ROW);
        assertEquals("(2 rows)\n", out.substring(out.lastIndexOf('(')));
        assertEquals("(0 rows)\n", write(OutputFormat.PSQL).lines().skip(1).findFirst().orElseThrow() + "\n");
    }

    @Test
    void jsonlHasFloatsJsonBooleansNullsAndRecentCommentsAsString() throws IOException {
        String expected = "{\"banned_by\":null,\"no_follow\":true,\"link_id\":\"t3_a82dcd\",\"gilded\":0.0,"
                + "\"author\":\"old_salty\",\"author_verified\":true,\"author_comment_karma\":917.0,"
                + "\"author_link_karma\":433.0,\"num_comments\":101.0,\"created_utc\":1545170506.0,\"score\":-2.0,"
                + "\"over_18\":false,\"body\":\"it's \\\"fine\\\", a|b \\\\ caf\\u00e9\",\"downs\":0.0,"
                + "\"is_submitter\":false,\"num_reports\":null,\"controversiality\":1.0,\"quarantine\":\"false\","
                + "\"ups\":-2.0,\"is_bot\":false,\"is_troll\":true,\"recent_comments\":\""
                + RECENT.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"is_training\":true}\n";
        assertEquals(expected, write(OutputFormat.JSONL, ROW));
    }

    @Test
    void keepsTheOriginalRecentCommentsTextWhenPresent() throws IOException {
        Comment kept = new Comment(null, true, "t3_x", 0.0, "a", true, 1.0, 1.0, 1.0, 1.0, 1.0, false, "b", 0.0,
                false, null, 0.0, "false", 1.0, false, false, "[{\"as\":\"stored\"}]", List.of(EARLIER), null);
        String out = write(OutputFormat.PSQL, kept);
        assertEquals("|t|t3_x|0|a|t|1|1|1|1|1|f|b|0|f||0|false|1|f|f|[{\"as\":\"stored\"}]|", out.lines().skip(1)
                .findFirst().orElseThrow());
    }

    private static String write(OutputFormat format, Comment... rows) throws IOException {
        return new String(DumpFixtures.dumpBytes(format, List.of(rows)), StandardCharsets.UTF_8);
    }
}
