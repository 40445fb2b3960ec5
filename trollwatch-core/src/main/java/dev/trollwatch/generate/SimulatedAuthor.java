package dev.trollwatch.generate;

import dev.trollwatch.comment.RecentComment;
import dev.trollwatch.features.Label;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * One simulated Reddit account: its fixed traits and a window of its last 20 comments (each kept
 * with its pre-rendered JSON, so a comment is serialized once however many windows it appears in).
 */
final class SimulatedAuthor {
    static final int WINDOW = 20;

    private final String name;
    private final Label label;
    private final Persona persona;
    private final double commentKarma;
    private final double linkKarma;
    private final boolean verified;
    private final boolean training;
    private final double activity;
    private final double positivity;
    private final boolean lowerCase;
    private final int[] botTemplates;
    private final String homeSubreddit;
    private final boolean newThreads;
    private final ArrayDeque<RecentComment> recent = new ArrayDeque<>(WINDOW);
    private final ArrayDeque<String> recentJson = new ArrayDeque<>(WINDOW);
    private int remaining;

    private SimulatedAuthor(String name, Label label, Persona persona, double commentKarma, double linkKarma,
            boolean verified, boolean training, double activity, double positivity, boolean lowerCase,
            int[] botTemplates, String homeSubreddit, boolean newThreads, int remaining) {
        this.name = name;
        this.label = label;
        this.persona = persona;
        this.commentKarma = commentKarma;
        this.linkKarma = linkKarma;
        this.verified = verified;
        this.training = training;
        this.activity = activity;
        this.positivity = positivity;
        this.lowerCase = lowerCase;
        this.botTemplates = botTemplates;
        this.homeSubreddit = homeSubreddit;
        this.newThreads = newThreads;
        this.remaining = remaining;
    }

    /** A new account of this class, with its behaviour drawn from the class's mix of personas. */
    static SimulatedAuthor create(long serial, Label label, Rng rng) {
        Persona persona = Persona.draw(label, rng);
        double commentKarma = rng.chance(persona.negativeKarmaRate)
                ? -rng.between(1, 100) // downvoted below zero
                : Math.rint(rng.logNormal(persona.commentKarmaMedian, persona.commentKarmaSigma));
        double linkKarmaMedian = rng.chance(persona.linkPosterRate) ? Persona.LINK_POSTER_MEDIAN : persona.linkKarmaMedian;
        double linkKarma = Math.rint(rng.logNormal(linkKarmaMedian, persona.linkKarmaSigma));
        double activity = Math.max(0.03, Math.min(1.0, rng.logNormal(persona.activityMedian, persona.activitySigma)));
        int[] templates = new int[1 + rng.nextInt(2)];
        for (int i = 0; i < templates.length; i++) {
            templates[i] = rng.nextInt(Vocabulary.BOT_TEMPLATES.length);
        }
        return new SimulatedAuthor(
                AuthorNames.forAuthor(serial, label == Label.BOT && rng.chance(0.8), rng),
                label, persona, commentKarma, linkKarma,
                rng.chance(persona.verifiedRate),
                rng.chance(0.8),
                activity,
                rng.uniform(persona.positivityLow, persona.positivityHigh),
                !persona.templated() && rng.chance(0.12),
                templates,
                rng.pick(Vocabulary.SUBREDDITS),
                rng.chance(persona.newThreadAuthorRate),
                rng.geometric(persona.meanComments));
    }

    /** The last ≤ 20 comments, oldest first. */
    List<RecentComment> window() {
        return List.copyOf(recent);
    }

    /** Appends the window as a JSON array in the producer's style. */
    void appendWindowJson(StringBuilder sb) {
        sb.append('[');
        Iterator<String> it = recentJson.iterator();
        if (it.hasNext()) {
            sb.append(it.next());
            while (it.hasNext()) {
                sb.append(", ").append(it.next());
            }
        }
        sb.append(']');
    }

    /** Adds a comment just made to the window (dropping the oldest beyond 20) and counts it against the lifetime. */
    void remember(RecentComment comment, String json) {
        if (recent.size() == WINDOW) {
            recent.removeFirst();
            recentJson.removeFirst();
        }
        recent.addLast(comment);
        recentJson.addLast(json);
        remaining--;
    }

    boolean retired() {
        return remaining <= 0;
    }

    String name() {
        return name;
    }

    Label label() {
        return label;
    }

    Persona persona() {
        return persona;
    }

    double commentKarma() {
        return commentKarma;
    }

    double linkKarma() {
        return linkKarma;
    }

    boolean verified() {
        return verified;
    }

    boolean training() {
        return training;
    }

    /** Relative posting rate in (0, 1]; used as the acceptance chance when picking who posts next. */
    double activity() {
        return activity;
    }

    /** Chance that an opinion adjective is positive. */
    double positivity() {
        return positivity;
    }

    boolean lowerCase() {
        return lowerCase;
    }

    int[] botTemplates() {
        return botTemplates;
    }

    String homeSubreddit() {
        return homeSubreddit;
    }

    /** Comments only in threads just opened (few responses), as karma-farming accounts do. */
    boolean newThreads() {
        return newThreads;
    }
}
