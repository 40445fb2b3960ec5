package dev.trollwatch.features;

import dev.trollwatch.comment.Comment;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streaming de-duplication on (author, link_id, created_utc), first occurrence kept, as the
 * reference's {@code drop_duplicates}. Nulls are keys like any other value (two null authors
 * are equal, as in pandas). Memory is 16 bytes per distinct key (a 128-bit hash in an
 * open-addressing table of longs, at most half full), not the keys themselves; two different
 * keys would have to collide in 128 bits to be confused. NOT thread-safe.
 */
public final class CommentDeduplicator {
    private long[] table = new long[2 * 1024]; // pairs (hi, lo); (0, 0) marks an empty slot
    private int size;
    private long dropped;

    /** True the first time this comment's key is seen; false (and counted as dropped) after. */
    public boolean firstOccurrence(Comment c) {
        return firstOccurrence(c.author(), c.linkId(), c.createdUtc());
    }

    /** True the first time this key is seen; false (and counted as dropped) after. */
    public boolean firstOccurrence(String author, String linkId, Double createdUtc) {
        long h1 = 0xCBF29CE484222325L;
        long h2 = 0x6A09E667F3BCC909L;
        for (String s : new String[] {author, linkId}) {
            if (s == null) {
                h1 = mixIn(h1, 0x1_0000_0000L);
                h2 = mixIn2(h2, 0x1_0000_0000L);
            } else {
                for (int i = 0; i < s.length(); i++) {
                    char ch = s.charAt(i);
                    h1 = mixIn(h1, ch);
                    h2 = mixIn2(h2, ch);
                }
                h1 = mixIn(h1, 0x2_0000_0000L + s.length());
                h2 = mixIn2(h2, 0x2_0000_0000L + s.length());
            }
        }
        // As in pandas: null and NaN are one value, and so are 0.0 and -0.0.
        double t = createdUtc == null ? Double.NaN : createdUtc;
        long time = t == 0.0 ? 0L : Double.doubleToLongBits(t);
        h1 = fmix(mixIn(h1, time));
        h2 = fmix(mixIn2(h2, time));
        if (h1 == 0 && h2 == 0) {
            h2 = 1;
        }
        if (!add(h1, h2)) {
            dropped++;
            return false;
        }
        return true;
    }

    /** A view of {@code comments} without the repeats of a key (counted in {@link #dropped()}). */
    public Iterator<Comment> filter(Iterator<? extends Comment> comments) {
        return new Iterator<>() {
            private Comment next;

            @Override
            public boolean hasNext() {
                while (next == null && comments.hasNext()) {
                    Comment c = comments.next();
                    if (firstOccurrence(c)) {
                        next = c;
                    }
                }
                return next != null;
            }

            @Override
            public Comment next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Comment c = next;
                next = null;
                return c;
            }
        };
    }

    /** Rows rejected as duplicates so far. */
    public long dropped() {
        return dropped;
    }

    /** Distinct keys seen so far. */
    int distinct() {
        return size;
    }

    private boolean add(long hi, long lo) {
        if ((size + 1) * 2L > table.length / 2) {
            grow();
        }
        int mask = table.length / 2 - 1;
        int slot = (int) (fmix(hi ^ lo) & mask);
        while (true) {
            long a = table[2 * slot];
            long b = table[2 * slot + 1];
            if (a == 0 && b == 0) {
                table[2 * slot] = hi;
                table[2 * slot + 1] = lo;
                size++;
                return true;
            }
            if (a == hi && b == lo) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                add(old[i], old[i + 1]);
            }
        }
    }

    private static long mixIn(long h, long v) {
        return (h ^ v) * 0x100000001B3L; // FNV-1a step
    }

    private static long mixIn2(long h, long v) {
        return Long.rotateLeft(h + v * 0x9E3779B97F4A7C15L, 31) * 0xC2B2AE3D27D4EB4FL;
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB93FE1A85A53L;
        k ^= k >>> 33;
        return k;
    }
}
