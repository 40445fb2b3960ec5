package dev.trollwatch.generate;

/**
 * Reddit-like user names. Every name carries exactly one run of digits derived from the author's
 * serial number and its other parts have no digits, so two authors never share a name and a
 * retired author's name is never reused (which would merge two histories).
 */
final class AuthorNames {
    private static final String[] ADJECTIVES = {
        "old", "quiet", "angry", "lazy", "happy", "salty", "grumpy", "sleepy", "brave", "dark", "tiny", "big",
        "silent", "lucky", "crazy", "wild", "cold", "red", "blue", "green", "cosmic", "rusty", "honest", "random"};
    private static final String[] NOUNS = {
        "otter", "tiger", "panda", "wizard", "potato", "falcon", "badger", "cactus", "pirate", "ninja", "walrus",
        "toaster", "llama", "raven", "moose", "goblin", "storm", "pickle", "hammer", "lemon", "comet", "ghost"};
    private static final String[] BOT_WORDS = {
        "Remind", "Auto", "Archive", "Convert", "Mobile", "Link", "Repost", "Summary", "Helper", "Tldr", "Wiki",
        "Sauce", "Translate", "Metric", "Title", "Counter"};

    private AuthorNames() {
    }

    /** A unique name for the author with this serial; bots get bot-like names. */
    static String forAuthor(long serial, boolean botLike, Rng rng) {
        long number = 100 + serial * 7 + rng.nextInt(7);
        if (botLike) {
            String w = rng.pick(BOT_WORDS);
            return switch (rng.nextInt(3)) {
                case 0 -> w + "Bot" + number;
                case 1 -> w.toLowerCase(java.util.Locale.ROOT) + "_bot_" + number;
                default -> w + "Me" + number + "Bot";
            };
        }
        String a = rng.pick(ADJECTIVES);
        String n = rng.pick(NOUNS);
        return switch (rng.nextInt(10)) {
            case 0, 1, 2 -> a + "_" + n + number;
            case 3, 4, 5 -> capital(a) + capital(n) + number;
            case 6 -> n + "-" + a + "-" + number;
            case 7 -> "the_" + n + "_" + number;
            case 8 -> a + n + "_" + number;
            default -> "xX_" + capital(n) + number + "_Xx";
        };
    }

    /** Someone mentioned in a body (not necessarily an author in the data). */
    static String someoneElse(Rng rng) {
        return rng.pick(ADJECTIVES) + "_" + rng.pick(NOUNS) + rng.between(1, 999);
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
