package dev.trollwatch.features;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.RecentComment;
import java.util.List;

/**
 * Turns one {@link Comment} into its {@link FeatureRow}: the 20 features of {@link FeatureSchema}
 * with the 2019 reference's semantics (see docs/features.md) and the label. The one code path
 * for training, evaluation and scoring.
 *
 * <p>Pure and thread-safe: every thread gets its own scratch space (a {@link SequenceMatcher},
 * code point buffers), so little is allocated per row besides the result; polarities go through
 * one bounded memo shared by all threads. Null inputs follow the documented rules: booleans and numbers of the row → 0, bodies →
 * "", null values inside {@code recent_comments} are skipped by means and minima, and a mean or
 * minimum over no values is 0.
 */
public final class Featurizer {
    /** The body is sliced to this many code points (Python {@code body[:200]}). */
    public static final int BODY_CODE_POINTS = 200;
    /** The "last 30 days" window, in seconds. */
    public static final double THIRTY_DAYS_SECONDS = 30 * 24 * 3600;
    /**
     * Polarity memo slots (a body appears in up to 21 rows of its author): about 10 MB when full of
     * typical comments, at most about 68 MB (texts over 1,000 chars are not kept).
     */
    public static final int DEFAULT_POLARITY_CACHE = 1 << 15;

    private final ThreadLocal<Workspace> workspaces;

    /** @param polarity TextBlob-compatible sentiment polarity (must be pure and thread-safe) */
    public Featurizer(PolarityFunction polarity) {
        this(polarity, DEFAULT_POLARITY_CACHE);
    }

    /** @param polarityCacheSlots memo size for polarities; results do not depend on it */
    public Featurizer(PolarityFunction polarity, int polarityCacheSlots) {
        if (polarity == null) {
            throw new IllegalArgumentException("polarity function is required");
        }
        PolarityFunction cached = new CachingPolarity(polarity, polarityCacheSlots);
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(cached));
    }

    /** The label of a comment: bot if is_bot, else troll if is_troll, else normal (null = false). */
    public static Label labelOf(Comment c) {
        if (Boolean.TRUE.equals(c.isBot())) {
            return Label.BOT;
        }
        if (Boolean.TRUE.equals(c.isTroll())) {
            return Label.TROLL;
        }
        return Label.NORMAL;
    }

    /** Features and label of one comment; the key's created_utc is NaN when the column is null. */
    public FeatureRow featurize(Comment c) {
        double[] f = new double[FeatureSchema.SIZE];
        f[0] = flag(c.noFollow());
        f[1] = flag(c.authorVerified());
        f[2] = number(c.authorCommentKarma());
        f[3] = number(c.authorLinkKarma());
        f[4] = flag(c.over18());
        f[5] = flag(c.isSubmitter());
        List<RecentComment> recent = c.recentComments();
        if (!recent.isEmpty()) {
            workspaces.get().recentFeatures(c, recent, f);
        }
        double created = c.createdUtc() == null ? Double.NaN : c.createdUtc();
        return new FeatureRow(c.author(), c.linkId(), created, f, labelOf(c));
    }

    private static double flag(Boolean b) {
        return Boolean.TRUE.equals(b) ? 1.0 : 0.0;
    }

    /** A base feature: null (or NaN, which pandas also treats as missing) is 0. */
    private static double number(Double d) {
        return d == null || d.isNaN() ? 0.0 : d;
    }

    private static double nullable(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static double nullableFlag(Boolean b) {
        return b == null ? Double.NaN : b ? 1.0 : 0.0;
    }

    /** One thread's scratch space. */
    private static final class Workspace {
        private final PolarityFunction polarity;
        private final SequenceMatcher matcher = new SequenceMatcher();
        private final int[] body = new int[BODY_CODE_POINTS];
        private double[] noFollow = new double[32];
        private double[] gilded = new double[32];
        private double[] responses = new double[32];
        private double[] score = new double[32];
        private double[] controversiality = new double[32];
        private double[] ups = new double[32];
        private double[] ratios = new double[32];
        private double[] polarities = new double[33];

        Workspace(PolarityFunction polarity) {
            this.polarity = polarity;
        }

        /** Features 7..20 (indices 6..19) for a non-empty recent list. */
        void recentFeatures(Comment c, List<RecentComment> recent, double[] f) {
            int n = recent.size();
            ensure(n);
            String fullBody = c.body() == null ? "" : c.body();
            int bodyLen = SequenceMatcher.toCodePoints(fullBody, body, BODY_CODE_POINTS);
            String slicedBody = bodyLen < BODY_CODE_POINTS ? fullBody
                    : fullBody.substring(0, fullBody.offsetByCodePoints(0, BODY_CODE_POINTS));
            // NaN - 30 days is NaN and NaN > x is false: a null created_utc counts nothing.
            double since = (c.createdUtc() == null ? Double.NaN : c.createdUtc()) - THIRTY_DAYS_SECONDS;
            matcher.setA(body, bodyLen); // one body against each recent one
            int last30 = 0;
            int negative = 0;
            for (int i = 0; i < n; i++) {
                RecentComment r = recent.get(i);
                if (r.createdUtc() != null && r.createdUtc() > since) {
                    last30++;
                }
                if (r.score() != null && r.score() < 0) {
                    negative++;
                }
                noFollow[i] = nullableFlag(r.noFollow());
                gilded[i] = nullable(r.gilded());
                responses[i] = nullable(r.numComments());
                score[i] = nullable(r.score());
                controversiality[i] = nullable(r.controversiality());
                ups[i] = nullable(r.ups());
                String rb = r.body() == null ? "" : r.body();
                ratios[i] = matcher.ratioWithB(rb, BODY_CODE_POINTS);
                polarities[i] = polarity.polarity(rb);
            }
            polarities[n] = polarity.polarity(slicedBody);
            f[6] = n;
            f[7] = last30;
            f[8] = NanStats.mean(noFollow, n);
            f[9] = NanStats.mean(gilded, n);
            f[10] = NanStats.mean(responses, n);
            f[11] = 100.0 * negative / n;
            f[12] = NanStats.mean(score, n);
            f[13] = NanStats.min(score, n);
            f[14] = NanStats.mean(controversiality, n);
            f[15] = NanStats.mean(ups, n);
            f[16] = NanStats.mean(ratios, n);
            f[17] = NanStats.max(ratios, n);
            f[18] = NanStats.mean(polarities, n + 1);
            f[19] = NanStats.min(polarities, n + 1);
        }

        private void ensure(int n) {
            if (ratios.length < n) {
                int size = Math.max(n, ratios.length * 2);
                noFollow = new double[size];
                gilded = new double[size];
                responses = new double[size];
                score = new double[size];
                controversiality = new double[size];
                ups = new double[size];
                ratios = new double[size];
                polarities = new double[size + 1];
            }
        }
    }
}
