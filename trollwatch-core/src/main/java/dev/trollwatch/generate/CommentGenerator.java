package dev.trollwatch.generate;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.RecentComment;
import dev.trollwatch.features.Label;
import dev.trollwatch.io.field.RecentCommentsJsonWriter;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams synthetic {@code reddit_comments} rows the way the 2019 producer built them: each row is a
 * comment by some author at a globally increasing time, carrying in {@code recent_comments} that
 * author's previous ≤ 20 comments, oldest first (an author's first comment carries {@code []}).
 *
 * <p>Memory is bounded whatever the row count: a fixed pool of live authors per class, each with a
 * 20-comment window; an author who has made all its comments retires and a new one takes its slot.
 * The class of each row is drawn with the requested fractions, so the row mix matches them.
 * Everything comes from one seeded generator, so the same settings give the same rows.
 */
public final class CommentGenerator implements Iterator<Comment> {
    /** 2018-12-01T00:00:00Z, about when the real collection ran. */
    static final long START_UTC = 1_543_622_400L;
    /** Mean seconds between two rows. */
    static final double ROW_GAP = 600;
    /**
     * Chance that a bot's comment reached the data through the normal users' stream, so that its
     * {@code is_bot} is false; training relabels it from the author's other rows, as the 2019 code
     * did (that is how the article's "10 % bots" became 15 % after relabelling).
     */
    static final double BOT_ROW_UNFLAGGED = 0.35;

    private final GeneratorSettings settings;
    private final Rng rng;
    private final ThreadSimulator threads;
    private final BodyComposer composer;
    private final SimulatedAuthor[][] pools = new SimulatedAuthor[Label.values().length][];
    private final StringBuilder json = new StringBuilder(16 * 1024);
    private long produced;
    private long clock = START_UTC;
    private long nextSerial;

    public CommentGenerator(GeneratorSettings settings) {
        this.settings = settings;
        this.rng = new Rng(settings.seed());
        this.threads = new ThreadSimulator(rng);
        this.composer = new BodyComposer(rng);
        pools[Label.NORMAL.ordinal()] = newPool(Label.NORMAL, settings.normalFraction(), 86_400);
        pools[Label.BOT.ordinal()] = newPool(Label.BOT, settings.botFraction(), 12 * 3_600);
        pools[Label.TROLL.ordinal()] = newPool(Label.TROLL, settings.trollFraction(), 86_400);
    }

    @Override
    public boolean hasNext() {
        return produced < settings.rows();
    }

    @Override
    public Comment next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        produced++;
        clock += Math.max(1, Math.round(rng.exponential(ROW_GAP)));
        Label label = drawLabel();
        SimulatedAuthor[] pool = pools[label.ordinal()];
        int slot = pickSlot(pool);
        SimulatedAuthor author = pool[slot];
        threads.next(author.newThreads());

        Persona p = author.persona();
        String body = composer.compose(author);
        double score = score(p);
        boolean noFollow = score <= 1 ? rng.chance(0.93) : rng.chance(0.15);
        double gilded = rng.chance(p == Persona.NORMAL ? 0.004 : 0.001) ? 1 : 0;
        boolean submitter = rng.chance(p.submitterRate);
        double controversiality = rng.chance(p.controversialRate) ? 1 : 0;
        double created = clock;

        RecentComment self = new RecentComment(null, noFollow, threads.linkId(), gilded, author.name(),
                author.verified(), author.commentKarma(), author.linkKarma(), threads.numComments(), created, score,
                threads.over18(), body, 0.0, submitter, null, controversiality, "false", score);
        json.setLength(0);
        author.appendWindowJson(json);
        Comment row = new Comment(self.bannedBy(), self.noFollow(), self.linkId(), self.gilded(), self.author(),
                self.authorVerified(), self.authorCommentKarma(), self.authorLinkKarma(), self.numComments(),
                self.createdUtc(), self.score(), self.over18(), self.body(), self.downs(), self.isSubmitter(),
                self.numReports(), self.controversiality(), self.quarantine(), self.ups(),
                label == Label.BOT && !rng.chance(BOT_ROW_UNFLAGGED), label == Label.TROLL, json.toString(), author.window(), author.training());

        author.remember(self, RecentCommentsJsonWriter.toJson(self));
        if (author.retired()) {
            pool[slot] = newAuthor(label);
        }
        return row;
    }

    private Label drawLabel() {
        double u = rng.uniform();
        if (u < settings.botFraction()) {
            return Label.BOT;
        }
        if (u < settings.botFraction() + settings.trollFraction()) {
            return Label.TROLL;
        }
        return Label.NORMAL;
    }

    /** An author of the pool, chosen in proportion to activity (rejection sampling: O(1) expected). */
    private int pickSlot(SimulatedAuthor[] pool) {
        while (true) {
            int slot = rng.nextInt(pool.length);
            if (rng.chance(pool[slot].activity())) {
                return slot;
            }
        }
    }

    /** Scores: mostly 1 (the default upvote), a long tail up, and now and then negative. */
    private double score(Persona p) {
        if (rng.chance(p.negativeScoreRate)) {
            return -rng.geometric(3);
        }
        if (rng.chance(p.templated() ? 0.75 : 0.55)) {
            return 1;
        }
        return 1 + Math.min(20_000, Math.rint(rng.logNormal(5, 1.3)));
    }

    /**
     * A pool sized so that a typical author of the class posts about every {@code meanGapSeconds}
     * (bots twice a day, people daily). A class with no rows gets no pool.
     */
    private SimulatedAuthor[] newPool(Label label, double fraction, double meanGapSeconds) {
        if (fraction <= 0) {
            return new SimulatedAuthor[0];
        }
        int size = (int) Math.max(2, Math.ceil(fraction * meanGapSeconds / ROW_GAP));
        SimulatedAuthor[] pool = new SimulatedAuthor[size];
        for (int i = 0; i < size; i++) {
            pool[i] = newAuthor(label);
        }
        return pool;
    }

    private SimulatedAuthor newAuthor(Label label) {
        return SimulatedAuthor.create(nextSerial++, label, rng);
    }
}
