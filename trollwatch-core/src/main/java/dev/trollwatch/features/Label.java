package dev.trollwatch.features;

import java.util.Locale;

/** The class of a comment's author. Declared in the order reports and model files list classes. */
public enum Label {
    BOT("bot"),
    NORMAL("normal"),
    TROLL("troll");

    private final String text;

    Label(String text) {
        this.text = text;
    }

    /** The label as written in files and reports: {@code bot}, {@code normal}, {@code troll}. */
    public String text() {
        return text;
    }

    /** Parses {@code bot}/{@code normal}/{@code troll} (any case); null when it is none of them. */
    public static Label parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (Label l : values()) {
            if (l.text.equals(t)) {
                return l;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
