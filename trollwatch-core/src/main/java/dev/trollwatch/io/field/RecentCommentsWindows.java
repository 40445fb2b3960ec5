package dev.trollwatch.io.field;

import dev.trollwatch.comment.RecentComment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code recent_comments} like {@link RecentCommentsParser#parse(String)}, remembering each
 * author's last array so that the next row of that author parses only its new entries. A dump's
 * window slides: an author's next array is the previous one without its oldest entry (or all of
 * it, while the history is shorter than the window) followed by the new comment(s). When the new
 * text starts with exactly the remembered entries' text, those entries are reused — the same
 * characters were parsed and checked before, so the values are the same — and only the rest is
 * parsed. Anything else (another shape, whitespace, an error) is parsed in full, so results and
 * error messages are exactly {@link RecentCommentsParser}'s.
 *
 * <p>Bounded: the {@code authors} most recently seen authors are remembered (least recently used
 * evicted), each with one array's text and entries, and no more than {@code maxChars} chars of
 * array text in all (an array longer than that is parsed in full every time). The count alone did
 * not bound memory: a dump of long histories kept thousands of them and filled the heap. Not
 * thread-safe: one per reader.
 */
public final class RecentCommentsWindows {
    /** Authors remembered by a reader; about 20–40 KB each (one array's text and 20 parsed entries). */
    public static final int DEFAULT_AUTHORS = 4096;
    /**
     * Array text remembered by a reader, in chars: about 800 typical 20-entry histories, ample for a
     * dump in time order (an author's next row comes within a few hundred others); at most about
     * 32 MB with the entries parsed from it.
     */
    public static final long DEFAULT_MAX_CHARS = 8L << 20;

    /** One author's last array: its text, the parsed entries, and where each entry starts. */
    private record Window(String json, List<RecentComment> entries, int[] starts, int lastEnd) {
    }

    // Least recently parsed first: every parse removes the author's window and puts the new one last.
    private final Map<String, Window> byAuthor = new LinkedHashMap<>();
    private final int authors;
    private final long maxChars;
    private long retainedChars;

    public RecentCommentsWindows(int authors) {
        this(authors, DEFAULT_MAX_CHARS);
    }

    public RecentCommentsWindows(int authors, long maxChars) {
        this.authors = authors;
        this.maxChars = maxChars;
    }

    /** The entries of {@code json} (a row of {@code author}; null author: no reuse). */
    public List<RecentComment> parse(String author, String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        if (author == null) {
            return RecentCommentsParser.parse(json);
        }
        Window previous = byAuthor.get(author);
        Window next = previous == null ? null : reuse(previous, json, 1);
        if (next == null && previous != null) {
            next = reuse(previous, json, 0);
        }
        if (next == null) {
            RecentCommentsParser.EntrySpans spans = new RecentCommentsParser.EntrySpans();
            List<RecentComment> entries = RecentCommentsParser.parse(json, spans);
            next = new Window(json, entries, Arrays.copyOf(spans.starts, spans.count), spans.lastEnd);
        }
        remember(author, next);
        return next.entries;
    }

    private void remember(String author, Window window) {
        Window old = byAuthor.remove(author);
        if (old != null) {
            retainedChars -= old.json.length();
        }
        if (window.json.length() > maxChars) {
            return;
        }
        byAuthor.put(author, window);
        retainedChars += window.json.length();
        Iterator<Window> eldest = byAuthor.values().iterator();
        while (retainedChars > maxChars || byAuthor.size() > authors) {
            retainedChars -= eldest.next().json.length(); // never the new window: it fits on its own
            eldest.remove();
        }
    }

    /** Chars of array text remembered now (for tests of the bound). */
    long retainedChars() {
        return retainedChars;
    }

    /**
     * The window of {@code json} when it is "[" + the previous entries from {@code drop} on
     * (their exact text) + "]" or + "," + more entries + "]"; null when it is not, or when the
     * new part does not parse (the caller then parses everything, for the exact error).
     */
    private static Window reuse(Window previous, String json, int drop) {
        int kept = previous.entries.size() - drop;
        if (kept <= 0) {
            return null;
        }
        int from = previous.starts[drop];
        int length = previous.lastEnd - from;
        int after = 1 + length;
        if (json.length() <= after || json.charAt(0) != '[' || json.charAt(after) != ']' && json.charAt(after) != ',') {
            return null;
        }
        // Two copies and String.equals (vectorised) are much faster than regionMatches' byte loop.
        if (!json.substring(1, after).equals(previous.json.substring(from, previous.lastEnd))) {
            return null;
        }
        int shift = 1 - from; // offset in json = offset in previous.json + shift
        int[] starts;
        List<RecentComment> entries;
        int lastEnd;
        char c = json.charAt(after);
        if (c == ']') {
            if (after + 1 != json.length()) {
                return null; // trailing whitespace: left to the full parse
            }
            entries = previous.entries.subList(drop, previous.entries.size());
            starts = new int[kept];
            lastEnd = previous.lastEnd + shift;
        } else if (c == ',') {
            // "[" + the rest is an array of the new entries; offsets in it are those in json - after.
            RecentCommentsParser.EntrySpans spans = new RecentCommentsParser.EntrySpans();
            List<RecentComment> added;
            try {
                added = RecentCommentsParser.parse("[" + json.substring(after + 1), spans);
            } catch (RuntimeException e) {
                return null;
            }
            if (added.isEmpty()) {
                return null; // "[…,]" is not JSON
            }
            entries = new ArrayList<>(kept + added.size());
            entries.addAll(previous.entries.subList(drop, previous.entries.size()));
            entries.addAll(added);
            starts = new int[kept + spans.count];
            for (int i = 0; i < spans.count; i++) {
                starts[kept + i] = spans.starts[i] + after;
            }
            lastEnd = spans.lastEnd + after;
        } else {
            return null;
        }
        for (int i = 0; i < kept; i++) {
            starts[i] = previous.starts[drop + i] + shift;
        }
        return new Window(json, List.copyOf(entries), starts, lastEnd);
    }
}
