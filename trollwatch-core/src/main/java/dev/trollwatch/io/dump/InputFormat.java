package dev.trollwatch.io.dump;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The dump formats trollwatch reads (see docs/formats.md). */
public enum InputFormat {
    /** RFC 4180 CSV with a header; booleans true/false; null = empty unquoted field. */
    CSV("csv"),
    /** PostgreSQL/Redshift {@code COPY … CSV HEADER} / {@code UNLOAD … CSV}: RFC 4180 with t/f booleans. */
    POSTGRES_CSV("postgres-csv"),
    /** {@code psql -A} unaligned output: '|' separators, no quoting, footer {@code (N rows)}. */
    PSQL("psql"),
    /** The 2019 csv-writer dump: quotes inside quoted fields doubled or backslash-escaped. */
    CSV_2019("csv-2019"),
    /** JSON Lines: one object per line, column names as keys. */
    JSONL("jsonl");

    private final String cliName;

    InputFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in messages, e.g. {@code postgres-csv}. */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name ({@code csv}, {@code postgres-csv}, …); also accepts the enum name. */
    public static InputFormat parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (InputFormat f : values()) {
            if (f.cliName.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; expected one of " + names());
    }

    /** All command-line names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(InputFormat::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
