package dev.trollwatch.features;

import java.util.Arrays;

/**
 * Python's {@code difflib.SequenceMatcher(None, a, b).ratio()}, bit for bit: no junk function,
 * autojunk on (when {@code len(b) >= 200}, characters occurring more than {@code 1 + len(b)//100}
 * times in b are "popular" and left out of the b index), {@code find_longest_match}'s tie-breaking
 * (earliest start in a, then in b) and its extension of the best block over equal neighbours,
 * and the Ratcliff/Obershelp recursion of {@code get_matching_blocks}. Sequences are Unicode code
 * points, as Python strings are.
 *
 * <p>How: {@link #setA} gives each distinct code point of a a dense id, once for all the b's it is
 * compared with (the featurizer compares one body with up to 20 recent ones). For each b, every
 * id gets a bitset of the positions where b holds that code point (none when it is popular), so
 * row i of the match matrix is the bitset of a[i]'s id. A cell ending a diagonal run of two or
 * more is a bit of {@code mask(a[i]) & (mask(a[i-1]) << 1)}; only those cells (about one in
 * eight on real comments) are recorded, with their run lengths. A rectangle's longest block of
 * two or more comes from them; when there is none, find_longest_match returns the rectangle's
 * first cell in scan order as a block of one, which the bitsets give directly.
 *
 * <p>An instance is a reusable workspace: it grows to the largest input seen and allocates nothing
 * per call afterwards. It is NOT thread-safe; use one per thread.
 */
public final class SequenceMatcher {
    /** Restart stamp counters well before they could overflow. */
    private static final int STAMP_LIMIT = 1 << 30;

    // The current a, as code points, and the dense id of each position.
    private int[] a = new int[256];
    private int la;
    private int[] idOfA = new int[256];
    private int distinct;
    // code point -> id of a: a direct table for ASCII, an open-addressing table for the rest;
    // entries are live only when their stamp equals the current one, so nothing is cleared per a.
    private final int[] asciiStamp = new int[128];
    private final int[] asciiId = new int[128];
    private int[] hashKey = new int[512];
    private int[] hashStamp = new int[512];
    private int[] hashId = new int[512];
    private int stamp;

    // The current b, as code points, and the id of a at each position (-1: not in a).
    private int[] b = new int[256];
    private int lb;
    private int[] idOfB = new int[256];
    private int[] occurrences = new int[256];
    // b2j as bitsets: positions of id d in b are the bits of masks[d * words .. d * words + words).
    private long[] masks = new long[1024];
    private int words;

    // The cells ending runs of >= 2, row by row (i ascending, j ascending within a row): row i's
    // are cellColumn/cellRun[rowStart[i] .. rowEnd[i]); a run counts from the matrix's edge.
    // rowLongest[i] is the longest run ending in row i (0 when none).
    private int[] rowStart = new int[256];
    private int[] rowEnd = new int[256];
    private int[] rowLongest = new int[256];
    private int[] cellColumn = new int[1024];
    private int[] cellRun = new int[1024];
    // Per diagonal (j - i + la - 1): (row stamp << 32 | run length) of its latest recorded cell;
    // the stamp is diagonalBase + i, so entries of earlier pairs never look like the previous row.
    private long[] diagonal = new long[512];
    private long diagonalBase;

    private int matchI;
    private int matchJ;
    private int matchSize;

    // get_matching_blocks' queue of (alo, ahi, blo, bhi, what is known of the rectangle).
    private int[] queue = new int[80];
    private static final int ANY_CELLS = 0;
    private static final int NO_RUNS_OF_TWO = 1;
    private static final int NO_CELLS = 2;
    // whether the last block came from firstCell (the rectangle then had no run of two)
    private boolean foundAsFirstCell;

    /** {@code SequenceMatcher(None, a, b).ratio()} of two strings, compared as code points. */
    static double ratio(String a, String b) {
        SequenceMatcher m = new SequenceMatcher();
        int[] cps = a.codePoints().toArray();
        m.setA(cps, cps.length);
        return m.ratioWithB(b, Integer.MAX_VALUE);
    }

    /**
     * Copies the first {@code limit} code points of {@code s} into {@code out} (which must hold
     * {@code min(limit, s.length())} ints); returns how many were copied.
     */
    public static int toCodePoints(String s, int[] out, int limit) {
        // A counted loop over chars while they are not surrogates, bounded by min(len, limit)
        // checked against out first. The plain code point loop's bound was unknown to C2: its
        // speculatively hoisted range check failed on the first long body, and each failure
        // recompiled the featurizer that had inlined it.
        int len = s.length();
        int max = Math.min(len, limit);
        if (out.length < max) {
            throw new IllegalArgumentException("code point buffer of " + out.length + " < " + max);
        }
        int k = 0;
        for (; k < max; k++) {
            char ch = s.charAt(k);
            if (Character.isSurrogate(ch)) {
                break;
            }
            out[k] = ch;
        }
        if (k == max) {
            return k;
        }
        int n = k;
        for (int i = k; i < len && n < limit; ) {
            int cp = s.codePointAt(i);
            out[n++] = cp;
            i += Character.charCount(cp);
        }
        return n;
    }

    /** Makes {@code cps[0..len)} the first sequence and indexes it (the array is copied). */
    public void setA(int[] cps, int len) {
        if (a.length < len) {
            int size = Math.max(len, a.length * 2);
            a = new int[size];
            idOfA = new int[size];
            rowStart = new int[size];
            rowEnd = new int[size];
            rowLongest = new int[size];
        }
        System.arraycopy(cps, 0, a, 0, len);
        la = len;
        int tableSize = Integer.highestOneBit(Math.max(64, len * 2) - 1) << 1;
        if (hashKey.length < tableSize) {
            hashKey = new int[tableSize];
            hashStamp = new int[tableSize];
            hashId = new int[tableSize];
            Arrays.fill(asciiStamp, 0);
            stamp = 0;
        }
        if (++stamp >= STAMP_LIMIT) {
            Arrays.fill(hashStamp, 0);
            Arrays.fill(asciiStamp, 0);
            stamp = 1;
        }
        int current = stamp;
        int mask = hashKey.length - 1;
        int ids = 0;
        for (int p = 0; p < len; p++) {
            int cp = a[p];
            int id;
            if (cp < 128) {
                if (asciiStamp[cp] != current) {
                    asciiStamp[cp] = current;
                    asciiId[cp] = ids++;
                }
                id = asciiId[cp];
            } else {
                int h = hash(cp) & mask;
                while (hashStamp[h] == current && hashKey[h] != cp) {
                    h = (h + 1) & mask;
                }
                if (hashStamp[h] != current) {
                    hashStamp[h] = current;
                    hashKey[h] = cp;
                    hashId[h] = ids++;
                }
                id = hashId[h];
            }
            idOfA[p] = id;
        }
        distinct = ids;
        if (occurrences.length < ids) {
            occurrences = new int[Math.max(ids, occurrences.length * 2)];
        }
    }

    /** The ratio of the first sequence to the first {@code maxCodePoints} code points of {@code s} (Python's {@code s[:max]}). */
    public double ratioWithB(String s, int maxCodePoints) {
        int n = Math.min(maxCodePoints, s.length());
        if (b.length < n) {
            b = new int[Math.max(n, b.length * 2)];
        }
        lb = toCodePoints(s, b, maxCodePoints);
        return ratioOfCurrent();
    }

    /** The ratio of the first sequence to {@code cps[0..len)}. */
    public double ratioWithB(int[] cps, int len) {
        if (b.length < len) {
            b = new int[Math.max(len, b.length * 2)];
        }
        System.arraycopy(cps, 0, b, 0, len);
        lb = len;
        return ratioOfCurrent();
    }

    private double ratioOfCurrent() {
        int length = la + lb;
        if (length == 0) {
            return 1.0;
        }
        indexB();
        return 2.0 * matches() / length;
    }

    private static int hash(int cp) {
        int h = cp * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The id of {@code cp} in a, or -1. */
    private int idInA(int cp) {
        int current = stamp;
        if (cp < 128) {
            return asciiStamp[cp] == current ? asciiId[cp] : -1;
        }
        int mask = hashKey.length - 1;
        int h = hash(cp) & mask;
        while (true) {
            if (hashStamp[h] != current) {
                return -1;
            }
            if (hashKey[h] == cp) {
                return hashId[h];
            }
            h = (h + 1) & mask;
        }
    }

    // ---- b2j -----------------------------------------------------------------------------------

    /**
     * The bitsets of b's positions per id of a. Code points of b that are not in a can never be
     * part of a match, so they are left out; popularity (autojunk) only matters for those in a.
     */
    private void indexB() {
        if (idOfB.length < lb) {
            idOfB = new int[Math.max(lb, idOfB.length * 2)];
        }
        int w = (lb + 63) >>> 6;
        words = w;
        int size = distinct * w;
        if (masks.length < size) {
            masks = new long[Math.max(size, masks.length * 2)];
        }
        long[] mk = masks;
        Arrays.fill(mk, 0, size, 0L);
        int[] bv = b;
        if (lb < 200) {
            for (int j = 0; j < lb; j++) {
                int id = idInA(bv[j]);
                if (id >= 0) {
                    mk[id * w + (j >>> 6)] |= 1L << j;
                }
            }
            return;
        }
        // autojunk: "popular" elements leave b2j (but are not junk for the extension below).
        int[] ids = idOfB;
        int[] seen = occurrences;
        Arrays.fill(seen, 0, distinct, 0);
        for (int j = 0; j < lb; j++) {
            int id = idInA(bv[j]);
            ids[j] = id;
            if (id >= 0) {
                seen[id]++;
            }
        }
        int ntest = lb / 100 + 1;
        for (int j = 0; j < lb; j++) {
            int id = ids[j];
            if (id >= 0 && seen[id] <= ntest) {
                mk[id * w + (j >>> 6)] |= 1L << j;
            }
        }
    }

    // ---- matching ------------------------------------------------------------------------------

    /**
     * Sum of the sizes of get_matching_blocks (the order of the queue does not change the sum).
     * The first find_longest_match, over the whole of a and b, is {@link #collectCells}; the
     * recursive ones reuse its cells ({@link #findLongestMatchWithin}). Each queued rectangle
     * carries what is already known of it: a rectangle inside one with no run of two has none
     * either (runs are only cut shorter), and the part above and left of a block of one found as
     * the first cell in scan order has no cell at all.
     */
    private int matches() {
        collectCells();
        int total = 0;
        int top = 0;
        boolean first = true;
        queue[top++] = 0;
        queue[top++] = la;
        queue[top++] = 0;
        queue[top++] = lb;
        queue[top++] = ANY_CELLS;
        while (top > 0) {
            int known = queue[--top];
            int bhi = queue[--top];
            int blo = queue[--top];
            int ahi = queue[--top];
            int alo = queue[--top];
            if (first) {
                first = false; // matchI/J/Size already hold the whole-range match (not yet extended)
                extendBestMatch(alo, ahi, blo, bhi, matchI, matchJ, matchSize);
            } else if (known == NO_CELLS) {
                foundAsFirstCell = true; // find_longest_match's empty block, which may still extend
                extendBestMatch(alo, ahi, blo, bhi, alo, blo, 0);
            } else {
                findLongestMatchWithin(alo, ahi, blo, bhi, known == NO_RUNS_OF_TWO);
            }
            int i = matchI;
            int j = matchJ;
            int k = matchSize;
            if (k > 0) {
                total += k;
                if (queue.length < top + 10) {
                    queue = Arrays.copyOf(queue, queue.length * 2);
                }
                int inside = known != ANY_CELLS || foundAsFirstCell ? Math.max(known, NO_RUNS_OF_TWO) : ANY_CELLS;
                if (alo < i && blo < j) {
                    queue[top++] = alo;
                    queue[top++] = i;
                    queue[top++] = blo;
                    queue[top++] = j;
                    queue[top++] = foundAsFirstCell ? NO_CELLS : inside;
                }
                if (i + k < ahi && j + k < bhi) {
                    queue[top++] = i + k;
                    queue[top++] = ahi;
                    queue[top++] = j + k;
                    queue[top++] = bhi;
                    queue[top++] = inside;
                }
            }
        }
        return total;
    }

    /**
     * One pass over the rows, i ascending — the scan of find_longest_match(0, la, 0, lb) —
     * recording each cell that ends a run of two or more, j ascending, with its run length
     * (its diagonal predecessor's + 1, or 2 when that one ends a run of one), and leaving that
     * call's best block (before its extension) in matchI/J/Size: the first cell in scan order
     * with the longest run, or the first cell of all when no run reaches two.
     */
    private void collectCells() {
        int diagonals = la + lb;
        if (diagonal.length < diagonals) {
            diagonal = new long[Math.max(diagonals, diagonal.length * 2)];
            diagonalBase = 0;
        }
        if (diagonalBase >= STAMP_LIMIT) { // keep stamps within the upper 32 bits
            Arrays.fill(diagonal, 0);
            diagonalBase = 0;
        }
        long base = diagonalBase + 2;
        diagonalBase = base + la;
        long[] diag = diagonal;
        long[] mk = masks;
        int[] ids = idOfA;
        int w = words;
        int[] columns = cellColumn;
        int[] runs = cellRun;
        int besti = 0;
        int bestj = 0;
        int bestsize = 0;
        int cells = 0;
        int offset = la - 1; // diagonal index of (i, j) is j - i + la - 1
        int previous = 0;    // masks offset of row i - 1 (set from row 0 on)
        for (int i = 0; i < la; i++) {
            rowStart[i] = cells;
            int current = ids[i] * w;
            int longest = 0;
            if (i > 0) {
                if (runs.length < cells + lb) {
                    int size = Math.max(cells + lb, runs.length * 2);
                    runs = cellRun = Arrays.copyOf(runs, size);
                    columns = cellColumn = Arrays.copyOf(columns, size);
                }
                long row = (base + i) << 32;
                long previousRow = row - (1L << 32);
                long carry = 0;
                for (int word = 0; word < w; word++) {
                    long above = mk[previous + word];
                    long c = mk[current + word] & ((above << 1) | carry);
                    carry = above >>> 63;
                    while (c != 0) {
                        int j = (word << 6) + Long.numberOfTrailingZeros(c);
                        c &= c - 1;
                        int d = j - i + offset;
                        long e = diag[d];
                        // branch-free: predecessor's run + 1 when it was recorded in the previous
                        // row (it ends a run of >= 2 itself), else 2
                        int continues = (int) ((((e ^ previousRow) >>> 32) - 1L) >>> 63);
                        int k = (((int) e - 1) & -continues) + 2;
                        diag[d] = row | k;
                        columns[cells] = j;
                        runs[cells++] = k;
                        longest = Math.max(longest, k);
                    }
                }
                if (longest > bestsize) {
                    // the row's first cell with its longest run: the scan's first strictly longer one
                    int c = rowStart[i];
                    while (runs[c] != longest) {
                        c++;
                    }
                    bestsize = longest;
                    besti = i - longest + 1;
                    bestj = columns[c] - longest + 1;
                }
            }
            rowEnd[i] = cells;
            rowLongest[i] = longest;
            previous = current;
        }
        foundAsFirstCell = bestsize == 0;
        if (bestsize > 0) {
            matchI = besti;
            matchJ = bestj;
            matchSize = bestsize;
        } else {
            firstCell(0, la, 0, lb);
        }
    }

    /**
     * find_longest_match(alo, ahi, blo, bhi) for a rectangle inside the matrix, from the
     * recorded cells: inside the rectangle, a run ending at (i, j) is cut off at its top-left
     * edge, so its length is min(recorded run, i - alo + 1, j - blo + 1) — what difflib's j2len
     * would count there. Every cell whose cut run is two or more is a recorded one; they are
     * visited in the reference's order (i, then j, ascending) and the first strictly longer run
     * wins, as there; rows whose runs cannot beat the best so far are skipped. With no such
     * cell, the reference's answer is the rectangle's first cell ({@link #firstCell}). The result
     * (extended) goes to matchI, matchJ, matchSize.
     *
     * @param noRunsOfTwo the rectangle is known to hold no cut run of two or more
     */
    private void findLongestMatchWithin(int alo, int ahi, int blo, int bhi, boolean noRunsOfTwo) {
        int besti = alo;
        int bestj = blo;
        int bestsize = 1; // only cut runs of two or more count here
        int[] columns = cellColumn;
        int[] runs = cellRun;
        // No block is longer than the rectangle's shorter side: once the best is, nothing beats it.
        int bound = noRunsOfTwo ? 1 : Math.min(ahi - alo, bhi - blo);
        for (int i = alo + 1; i < ahi && bestsize < bound; i++) {
            int height = i - alo + 1;
            if (rowLongest[i] <= bestsize || height <= bestsize) {
                continue;
            }
            int c = rowStart[i];
            int end = rowEnd[i];
            if (columns[end - 1] <= blo) {
                continue; // the whole row lies left of the rectangle's second column
            }
            for (; c < end; c++) {
                int j = columns[c];
                if (j <= blo) {
                    continue;
                }
                if (j >= bhi) {
                    break;
                }
                int k = Math.min(runs[c], Math.min(height, j - blo + 1));
                if (k > bestsize) {
                    bestsize = k;
                    besti = i - k + 1;
                    bestj = j - k + 1;
                }
            }
        }
        foundAsFirstCell = bestsize == 1;
        if (bestsize > 1) {
            extendBestMatch(alo, ahi, blo, bhi, besti, bestj, bestsize);
        } else {
            firstCell(alo, ahi, blo, bhi);
            extendBestMatch(alo, ahi, blo, bhi, matchI, matchJ, matchSize);
        }
    }

    /**
     * The rectangle's first cell in scan order (i, then j, ascending) as a block of one, or
     * (alo, blo, 0) when it has none — what find_longest_match finds when no run reaches two.
     * Not extended.
     */
    private void firstCell(int alo, int ahi, int blo, int bhi) {
        matchI = alo;
        matchJ = blo;
        matchSize = 0;
        if (alo >= ahi || blo >= bhi) {
            return;
        }
        long[] mk = masks;
        int[] ids = idOfA;
        int w = words;
        int firstWord = blo >>> 6;
        int lastWord = (bhi - 1) >>> 6;
        long firstWordMask = -1L << blo;                         // bits blo & 63 and above
        long lastWordMask = -1L >>> (63 - ((bhi - 1) & 63));    // bits (bhi - 1) & 63 and below
        for (int i = alo; i < ahi; i++) {
            int row = ids[i] * w;
            for (int word = firstWord; word <= lastWord; word++) {
                long v = mk[row + word];
                if (word == firstWord) {
                    v &= firstWordMask;
                }
                if (word == lastWord) {
                    v &= lastWordMask;
                }
                if (v != 0) {
                    matchI = i;
                    matchJ = (word << 6) + Long.numberOfTrailingZeros(v);
                    matchSize = 1;
                    return;
                }
            }
        }
    }

    /** The end of find_longest_match: widens the best block, then records it in matchI/J/Size. */
    private void extendBestMatch(int alo, int ahi, int blo, int bhi, int besti, int bestj, int bestsize) {
        // Extend over equal non-junk neighbours; with no junk function that includes popular ones.
        // (The reference's second pair of loops extends over junk only: nothing is junk here.)
        // Counted loops with the bounds worked out first, so C2's hoisted range checks hold.
        int[] av = a;
        int[] bv = b;
        int back = Math.min(besti - alo, bestj - blo);
        int k = 0;
        while (k < back && av[besti - 1 - k] == bv[bestj - 1 - k]) {
            k++;
        }
        besti -= k;
        bestj -= k;
        bestsize += k;
        int forward = Math.min(ahi - besti, bhi - bestj) - bestsize;
        k = 0;
        while (k < forward && av[besti + bestsize + k] == bv[bestj + bestsize + k]) {
            k++;
        }
        bestsize += k;
        matchI = besti;
        matchJ = bestj;
        matchSize = bestsize;
    }
}
