package dev.trollwatch.generate;

import dev.trollwatch.generate.Template.Slot;

/**
 * Writes comment bodies in an author's voice: normal users mix opinions, questions and anecdotes;
 * trolls are negative and provocative with varied wording; bots repeat their own boilerplate with a
 * few details changed. Bodies are cleaned like the producer did (no double quotes, no CR/LF) and
 * cut to 256 characters (code points).
 */
final class BodyComposer {
    static final int MAX_BODY = 256;

    private final Rng rng;
    private final StringBuilder body = new StringBuilder(512);
    private SimulatedAuthor author;
    private final Template.SlotFiller filler = this::fillSlot;

    BodyComposer(Rng rng) {
        this.rng = rng;
    }

    String compose(SimulatedAuthor author) {
        this.author = author;
        body.setLength(0);
        switch (author.persona()) {
            case BOT -> botBody();
            case TROLL -> trollBody();
            case NORMAL, NEWCOMER, KARMA_BOT, REPOST_BOT -> normalBody();
        }
        if (author.lowerCase()) {
            for (int i = 0; i < body.length(); i++) {
                body.setCharAt(i, Character.toLowerCase(body.charAt(i)));
            }
        }
        return clean(body);
    }

    private void normalBody() {
        int sentences = Math.min(9, rng.geometric(3.4));
        for (int i = 0; i < sentences; i++) {
            separate();
            rng.pick(Vocabulary.NORMAL_SENTENCES).fill(body, filler);
        }
        if (rng.chance(0.07)) {
            body.append(' ').append(rng.pick(Vocabulary.EMOJI));
        }
    }

    private void trollBody() {
        int sentences = Math.min(7, rng.geometric(2.8));
        for (int i = 0; i < sentences; i++) {
            separate();
            Template t = rng.chance(0.7) ? rng.pick(Vocabulary.TROLL_SENTENCES) : rng.pick(Vocabulary.NORMAL_SENTENCES);
            int start = body.length();
            t.fill(body, filler);
            if (rng.chance(0.08)) {
                for (int k = start; k < body.length(); k++) {
                    body.setCharAt(k, Character.toUpperCase(body.charAt(k)));
                }
            }
        }
        if (rng.chance(0.15)) {
            body.append(rng.chance(0.5) ? "!!" : " " + rng.pick(Vocabulary.EMOJI));
        }
    }

    private void botBody() {
        int[] own = author.botTemplates();
        Vocabulary.BOT_TEMPLATES[own[rng.nextInt(own.length)]].fill(body, filler);
    }

    /** Sentences are usually joined by a space, sometimes glued together as scraped text often is. */
    private void separate() {
        if (body.length() > 0) {
            if (!rng.chance(0.12)) {
                body.append(' ');
            }
        }
    }

    private void fillSlot(StringBuilder out, Slot slot) {
        switch (slot) {
            case TOPIC, TOPIC2 -> out.append(rng.pick(Vocabulary.TOPICS));
            case POS -> out.append(rng.pick(Vocabulary.POSITIVE));
            case NEG -> out.append(rng.pick(Vocabulary.NEGATIVE));
            case ADJ -> out.append(adjective());
            case NEUTRAL -> out.append(rng.pick(Vocabulary.NEUTRAL));
            case INT -> out.append(rng.pick(Vocabulary.INTENSIFIERS));
            case EMOJI -> out.append(rng.pick(Vocabulary.EMOJI));
            case PERSON -> out.append(rng.pick(Vocabulary.PERSONS));
            case RELATIVE -> out.append(rng.pick(Vocabulary.RELATIVES));
            case TIME -> out.append(rng.pick(Vocabulary.TIMES));
            case VERB -> out.append(rng.pick(Vocabulary.VERBS));
            case PLACE -> out.append(rng.pick(Vocabulary.PLACES));
            case INSULT -> out.append(rng.pick(Vocabulary.INSULTS));
            case GROUP -> out.append(rng.pick(Vocabulary.GROUPS));
            case SUB -> out.append(author.persona().templated() ? author.homeSubreddit() : rng.pick(Vocabulary.SUBREDDITS));
            case SITE -> out.append(rng.pick(Vocabulary.SITES));
            case UNIT -> out.append(rng.pick(Vocabulary.UNITS));
            case NUM -> out.append(rng.between(1, 99));
            case YEAR -> out.append(rng.between(1998, 2018));
            case USER -> out.append("u\\/").append(AuthorNames.someoneElse(rng));
            case CODE -> {
                for (int i = 0; i < 6; i++) {
                    out.append((char) ('a' + rng.nextInt(26)));
                }
            }
        }
    }

    /** A sentiment adjective leaning the author's way (the author's mood is the chance of a positive one). */
    private String adjective() {
        double u = rng.uniform();
        if (u < 0.25) {
            return rng.pick(Vocabulary.NEUTRAL);
        }
        return rng.chance(author.positivity()) ? rng.pick(Vocabulary.POSITIVE) : rng.pick(Vocabulary.NEGATIVE);
    }

    /** Drops double quotes and CR/LF (as the producer did), cuts to 256 code points and drops a trailing backslash. */
    private static String clean(StringBuilder sb) {
        int w = 0;
        int codePoints = 0;
        for (int r = 0; r < sb.length(); r++) {
            char c = sb.charAt(r);
            if (c == '"' || c == '\r' || c == '\n') {
                continue;
            }
            if (!Character.isLowSurrogate(c)) {
                if (codePoints == MAX_BODY) {
                    break;
                }
                codePoints++;
            }
            sb.setCharAt(w++, c);
        }
        // A body cut right after a backslash would end in \" inside a 2019 dump's quotes, which no
        // reader can tell from an escaped quote; the cut drops it.
        while (w > 0 && sb.charAt(w - 1) == '\\') {
            w--;
        }
        sb.setLength(w);
        return sb.toString();
    }
}
