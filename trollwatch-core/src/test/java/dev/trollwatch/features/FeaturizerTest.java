package dev.trollwatch.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.RecentComment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeaturizerTest {
    private static final double NOW = 1_550_000_000.0;
    /** A polarity that records what it was asked and answers the text's length / 1000. */
    private final List<String> asked = Collections.synchronizedList(new ArrayList<>());
    private final PolarityFunction lengthPolarity = text -> {
        asked.add(text);
        return text.length() / 1000.0;
    };

    private static Comment comment(String body, Double created, Boolean bot, Boolean troll, List<RecentComment> recent) {
        return new Comment(null, true, "t3_x", 0.0, "alice", false, 10.0, 20.0, 5.0, created, 1.0, true, body,
                0.0, null, null, 0.0, "false", 1.0, bot, troll, null, recent, null);
    }

    private static RecentComment recent(String body, Double created, Double score, Boolean noFollow, Double ups) {
        return new RecentComment(null, noFollow, "t3_y", 0.0, "alice", false, 10.0, 20.0, 7.0, created, score, false,
                body, 0.0, false, null, 1.0, "false", ups);
    }

    private static int idx(String name) {
        return FeatureSchema.indexOf(name);
    }

    @Test
    void baseFeaturesAreFlagsAndNumbersWithNullAsZero() {
        Comment c = new Comment(null, null, "t3_x", null, "bob", true, null, 3.5, null, NOW, null, false, null,
                null, true, null, null, null, null, null, null, null, null, null);
        double[] f = new Featurizer(lengthPolarity).featurize(c).values();
        assertArrayEquals(new double[] {0, 1, 0, 3.5, 0, 1}, Arrays.copyOf(f, 6));
        Comment nan = new Comment(null, true, "t3_x", null, "bob", true, Double.NaN, 3.5, null, NOW, null, false, null,
                null, true, null, null, null, null, null, null, null, null, null);
        assertEquals(0.0, new Featurizer(lengthPolarity).featurize(nan).values()[2], "NaN karma is missing, like null");
    }

    @Test
    void noRecentCommentsMakesEveryRecentFeatureZero() {
        FeatureRow row = new Featurizer(lengthPolarity).featurize(comment("hello", NOW, false, false, List.of()));
        for (int i = idx("recent_num_comments"); i < FeatureSchema.SIZE; i++) {
            assertEquals(0.0, row.values()[i], FeatureSchema.NAMES.get(i));
        }
        assertTrue(asked.isEmpty(), "no polarity needed without recent comments");
    }

    @Test
    void meansOfHugeFiniteValuesStayFinite() {
        // Twenty scores of 1e307 sum past the largest double: numpy's mean is inf, which every
        // reader of the features CSV (train, evaluate, predict) refuses.
        List<RecentComment> recent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            recent.add(recent("same " + i, NOW - 100 - i, 1e307, false, Double.MAX_VALUE));
        }
        double[] f = new Featurizer(lengthPolarity).featurize(comment("hello", NOW, false, false, recent)).values();
        assertEquals(1e307, f[idx("recent_avg_score")], 1e292);
        assertEquals(Double.MAX_VALUE, f[idx("recent_avg_ups")], "the mean of twenty largest doubles is the largest double");
        for (int i = 0; i < FeatureSchema.SIZE; i++) {
            assertTrue(Double.isFinite(f[i]), FeatureSchema.NAMES.get(i) + " = " + f[i]);
        }
    }

    @Test
    void labelIsBotBeforeTrollBeforeNormal() {
        Featurizer f = new Featurizer(lengthPolarity);
        assertEquals(Label.BOT, f.featurize(comment("", NOW, true, true, List.of())).label());
        assertEquals(Label.TROLL, f.featurize(comment("", NOW, false, true, List.of())).label());
        assertEquals(Label.NORMAL, f.featurize(comment("", NOW, null, null, List.of())).label());
    }

    @Test
    void thirtyDayWindowIsStrict() {
        double edge = NOW - 2_592_000;
        List<RecentComment> r = List.of(recent("a", edge, 1.0, true, 1.0), recent("b", edge + 1, 1.0, true, 1.0),
                recent("c", null, 1.0, true, 1.0));
        double[] f = new Featurizer(lengthPolarity).featurize(comment("x", NOW, false, false, r)).values();
        assertEquals(3, f[idx("recent_num_comments")]);
        assertEquals(1, f[idx("recent_num_last_30_days")]);
    }

    @Test
    void meansAndMinimaSkipNullsAndAllNullGivesZero() {
        List<RecentComment> r = List.of(recent("a", NOW, -4.0, null, null), recent("b", NOW, null, true, null),
                recent("c", NOW, 2.0, false, null));
        double[] f = new Featurizer(lengthPolarity).featurize(comment("x", NOW, false, false, r)).values();
        assertEquals(-1.0, f[idx("recent_avg_score")]);
        assertEquals(-4.0, f[idx("recent_min_score")]);
        assertEquals(0.5, f[idx("recent_avg_no_follow")]);
        assertEquals(0.0, f[idx("recent_avg_ups")], "all ups null");
        assertEquals(100.0 / 3, f[idx("recent_percent_neg_score")], 1e-12, "percent over all n, nulls included");
    }

    @Test
    void diffRatioComparesBodiesSlicedToTwoHundredCodePoints() {
        String emoji = "\uD83D\uDE00";
        String body = emoji.repeat(200) + "tail"; // 204 code points, 404 UTF-16 units
        String other = emoji.repeat(150) + "x".repeat(100);
        double[] f = new Featurizer(lengthPolarity).featurize(
                comment(body, NOW, false, false, List.of(recent(other, NOW, 1.0, true, 1.0)))).values();
        double expected = SequenceMatcher.ratio(emoji.repeat(200), emoji.repeat(150) + "x".repeat(50));
        assertEquals(expected, f[idx("recent_avg_diff_ratio")]);
        assertEquals(expected, f[idx("recent_max_diff_ratio")]);
    }

    @Test
    void polarityCoversFullRecentBodiesPlusTheSlicedOwnBody() {
        String longBody = "y".repeat(300);
        String longRecent = "z".repeat(250);
        List<RecentComment> r = List.of(recent(longRecent, NOW, 1.0, true, 1.0), recent(null, NOW, 1.0, true, 1.0));
        double[] f = new Featurizer(lengthPolarity).featurize(comment(longBody, NOW, false, false, r)).values();
        assertTrue(asked.containsAll(List.of(longRecent, "", "y".repeat(200))), "asked: " + asked.size());
        assertEquals((0.25 + 0.0 + 0.2) / 3, f[idx("recent_avg_sentiment_polarity")], 1e-15);
        assertEquals(0.0, f[idx("recent_min_sentiment_polarity")]);
    }

    @Test
    void polarityCacheComputesARepeatedBodyOnceWithTheSameResult() {
        AtomicInteger calls = new AtomicInteger();
        Featurizer f = new Featurizer(text -> {
            calls.incrementAndGet();
            return text.length() / 100.0;
        });
        List<RecentComment> r = List.of(recent("same text", NOW, 1.0, true, 1.0));
        FeatureRow first = f.featurize(comment("own", NOW, false, false, r));
        FeatureRow second = f.featurize(comment("own", NOW, false, false, r));
        assertEquals(2, calls.get(), "each distinct body once");
        assertArrayEquals(first.values(), second.values());
    }

    @Test
    void keyCarriesAuthorLinkAndCreatedTime() {
        FeatureRow row = new Featurizer(lengthPolarity).featurize(comment("x", NOW, false, false, List.of()));
        assertEquals("alice", row.author());
        assertEquals("t3_x", row.linkId());
        assertEquals(NOW, row.createdUtc());
        assertTrue(Double.isNaN(new Featurizer(lengthPolarity).featurize(comment("x", null, false, false, List.of())).createdUtc()));
    }
}
