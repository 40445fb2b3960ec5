package dev.trollwatch.io.field;

import dev.trollwatch.comment.CommentColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where each column of {@code reddit_comments} sits in a dump's header. Columns are matched by name
 * (case-insensitively, surrounding spaces ignored); unknown columns are ignored.
 */
public final class ColumnLayout {
    /**
     * Columns every dump must have: the row's identity, the text and history the features read, and
     * the six base feature columns. The others (including the labels) are optional here; training asks
     * for the labels with {@code CommentReader.requireColumns} (io.dump).
     */
    public static final Set<CommentColumn> REQUIRED = Collections.unmodifiableSet(EnumSet.of(
            CommentColumn.AUTHOR, CommentColumn.LINK_ID, CommentColumn.CREATED_UTC, CommentColumn.BODY,
            CommentColumn.RECENT_COMMENTS, CommentColumn.NO_FOLLOW, CommentColumn.AUTHOR_VERIFIED,
            CommentColumn.AUTHOR_COMMENT_KARMA, CommentColumn.AUTHOR_LINK_KARMA, CommentColumn.OVER_18,
            CommentColumn.IS_SUBMITTER));

    /** The label columns training needs. */
    public static final Set<CommentColumn> LABELS =
            Collections.unmodifiableSet(EnumSet.of(CommentColumn.IS_BOT, CommentColumn.IS_TROLL));

    private final List<String> header;
    /** Field index of each column by ordinal, -1 when absent. */
    private final int[] index;
    /** Column at each field position, null for unknown columns. */
    private final CommentColumn[] byField;

    /** "name (fields i and j)" for each column the header names twice, in header order. */
    private final List<String> duplicates = new ArrayList<>();

    private ColumnLayout(List<String> header) {
        this.header = List.copyOf(header);
        this.index = new int[CommentColumn.values().length];
        Arrays.fill(index, -1);
        this.byField = new CommentColumn[header.size()];
        for (int i = 0; i < header.size(); i++) {
            CommentColumn c = CommentColumn.byName(normalise(header.get(i)));
            if (c != null && index[c.ordinal()] < 0) {
                index[c.ordinal()] = i;
                byField[i] = c;
            } else if (c != null) {
                duplicates.add(c.columnName() + " (fields " + (index[c.ordinal()] + 1) + " and " + (i + 1) + ")");
            }
        }
    }

    /** The layout of a header row; fails listing every missing required column, or a column named twice. */
    public static ColumnLayout of(String file, List<String> header) {
        ColumnLayout layout = new ColumnLayout(header);
        if (!layout.duplicates.isEmpty()) {
            // Which copy holds the data is a guess; a dump written by a tool never repeats a column.
            throw new DumpStructureException(file, 1, "the header names a column twice: "
                    + String.join(", ", layout.duplicates));
        }
        layout.require(file, REQUIRED);
        return layout;
    }

    private static String normalise(String name) {
        String n = name == null ? "" : name.trim();
        if (!n.isEmpty() && n.charAt(0) == '\uFEFF') {
            n = n.substring(1); // a UTF-8 byte order mark some tools write
        }
        return n.toLowerCase(Locale.ROOT);
    }

    /** How many of these header names are columns of {@code reddit_comments}. */
    public static int knownColumns(List<String> header) {
        int n = 0;
        for (String name : header) {
            if (CommentColumn.byName(normalise(name)) != null) {
                n++;
            }
        }
        return n;
    }

    /** Fails with one error naming every column of {@code needed} the header lacks. */
    private void require(String file, Collection<CommentColumn> needed) {
        List<String> missing = new ArrayList<>();
        for (CommentColumn c : CommentColumn.values()) {
            if (needed.contains(c) && index[c.ordinal()] < 0) {
                missing.add(c.columnName());
            }
        }
        if (!missing.isEmpty()) {
            throw new DumpStructureException(file, 1,
                    "missing required column" + (missing.size() > 1 ? "s" : "") + ": " + String.join(", ", missing));
        }
    }

    /** Field position of a column, or -1. */
    public int indexOf(CommentColumn c) {
        return index[c.ordinal()];
    }

    /** The known column at a field position, or null. */
    public CommentColumn columnAt(int field) {
        return field < byField.length ? byField[field] : null;
    }

    public int width() {
        return header.size();
    }

    public List<String> header() {
        return header;
    }

    /** The known columns present, in table order. */
    public Set<CommentColumn> columns() {
        return Collections.unmodifiableSet(Arrays.stream(CommentColumn.values())
                .filter(c -> index[c.ordinal()] >= 0)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CommentColumn.class))));
    }
}
