package dev.trollwatch.io.dump;

import dev.trollwatch.comment.CommentColumn;
import java.util.Locale;

/**
 * Guesses a dump's format from its first characters:
 * <ol>
 * <li>first non-blank character '{' → JSON Lines;</li>
 * <li>the header line names more known columns when split on '|' than on ',' → psql;</li>
 * <li>otherwise CSV: {@code \"} more often than {@code ""} in the sample → the 2019 csv-writer dump;
 *     a field {@code t} or {@code f} in the first data line → PostgreSQL COPY CSV; else RFC 4180 CSV.</li>
 * </ol>
 * The three CSV variants differ only in quote escaping and boolean spelling, and every reader accepts
 * all boolean spellings, so the last distinction is informative only.
 */
final class FormatDetector {
    private FormatDetector() {
    }

    static InputFormat detect(String head) {
        int i = 0;
        while (i < head.length() && Character.isWhitespace(head.charAt(i))) { // DumpInput has dropped a byte order mark
            i++;
        }
        if (i < head.length() && head.charAt(i) == '{') {
            return InputFormat.JSONL;
        }
        int eol = lineEnd(head, i);
        String header = head.substring(i, eol);
        if (knownNames(header, "\\|") > knownNames(header, ",")) {
            return InputFormat.PSQL;
        }
        String data = head.substring(Math.min(head.length(), eol + 1));
        if (occurrences(data, "\\\"") > occurrences(data, "\"\"")) {
            return InputFormat.CSV_2019;
        }
        String first = data.substring(0, lineEnd(data, 0));
        if (first.contains(",t,") || first.contains(",f,") || first.startsWith("t,") || first.startsWith("f,")) {
            return InputFormat.POSTGRES_CSV;
        }
        return InputFormat.CSV;
    }

    private static int lineEnd(String s, int from) {
        int nl = s.indexOf('\n', from);
        int end = nl < 0 ? s.length() : nl;
        return end > from && s.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    private static int knownNames(String header, String separator) {
        int n = 0;
        for (String name : header.split(separator, -1)) {
            String trimmed = name.trim().replace("\"", "").toLowerCase(Locale.ROOT);
            if (CommentColumn.byName(trimmed) != null) {
                n++;
            }
        }
        return n;
    }

    private static int occurrences(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
