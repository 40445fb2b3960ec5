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
 * <p>An instance is a reusable workspace: it grows to the largest input seen and allocates nothing
 * per call afterwards. It is NOT thread-safe; use one per thread (see {@link #forCurrentThread()}).
 * {@link #setB} indexes the second sequence once so several first sequences can be compared with it.
 */
public final class SequenceMatcher {
    private static final ThreadLocal<SequenceMatcher> PER_THREAD = ThreadLocal.withInitial(SequenceMatcher::new);
    /** Restart stamp counters well before they could overflow. */
    private static final int STAMP_LIMIT = 1 << 30;

    // The current b and its index (b2j): each distinct code point gets a dense id; the positions of
    // id d are positions[start[d] .. start[d] + count[d]) in ascending order (count 0: popular).
    private int[] b = new int[256];
    private int lb;
    private int[] start = new int[256];
    private int[] count = new int[256];
    private int[] fill = new int[256];
    private int[] idOfB = new int[256];
    private int[] positions = new int[256];
    // code point -> id: a direct table for ASCII, an open-addressing table for the rest; entries
    // are live only when their stamp equals indexStamp, so nothing is cleared between strings.
    private final int[] asciiStamp = new int[128];
    private final int[] asciiId = new int[128];
    private int[] hashKey = new int[512];
    private int[] hashStamp = new int[512];
    private int[] hashId = new int[512];
    private int hashMask = 511;
    private int indexStamp;

    // The current a, as code points.
    private int[] a = new int[256];
    private int la;

    // The match cells of (a, b) — (i, j) with a[i] == b[j] and b[j] in b2j — row by row (i
    // ascending, j ascending within a row): row i's columns are positions[rowFrom[i] ..
    // rowFrom[i] + rowEnd[i] - rowStart[i]) and the runs ending there cellRun[rowStart[i] ..
    // rowEnd[i]): the length of the diagonal run of cells ending at (i, j), counted from the
    // top-left corner of the matrix. rowLongest[i] is the longest run ending in row i.
    private int[] rowFrom = new int[256];
    private int[] rowStart = new int[256];
    private int[] rowEnd = new int[256];
    private int[] rowLongest = new int[256];
    private int[] cellRun = new int[1024];
    // Per diagonal (j - i + la - 1): (row stamp << 32 | run length) of its latest cell; the
    // stamp is diagonalBase + i, so entries of earlier pairs never look like the previous row.
    private long[] diagonal = new long[512];
    private long diagonalBase;

    private int matchI;
    private int matchJ;
    private int matchSize;

    // get_matching_blocks' queue of (alo, ahi, blo, bhi).
    private int[] queue = new int[64];

    /** This thread's matcher. */
    public static SequenceMatcher forCurrentThread() {
        return PER_THREAD.get();
    }

    /** {@code SequenceMatcher(None, a, b).ratio()} of two strings, compared as code points. */
    static double ratio(String a, String b) {
        SequenceMatcher m = forCurrentThread();
        m.setB(b);
        return m.ratioWithA(a);
    }

    /** Makes {@code b} (as code points) the second sequence and indexes it. */
    public void setB(String s) {
        setB(s, Integer.MAX_VALUE);
    }

    /** Makes the first {@code maxCodePoints} code points of {@code s} (Python's {@code s[:max]}) the second sequence. */
    public void setB(String s, int maxCodePoints) {
        int n = Math.min(maxCodePoints, s.length());
        if (b.length < n) {
            b = new int[Math.max(n, b.length * 2)];
        }
        lb = toCodePoints(s, b, maxCodePoints);
        index();
    }

    /** Makes {@code cps[0..len)} the second sequence and indexes it (the array is copied). */
    public void setB(int[] cps, int len) {
        if (b.length < len) {
            b = new int[Math.max(len, b.length * 2)];
        }
        System.arraycopy(cps, 0, b, 0, len);
        lb = len;
        index();
    }

    /** The ratio of {@code a} (as code points) to the current second sequence. */
    public double ratioWithA(String s) {
        ensureA(s.length());
        la = toCodePoints(s, a, Integer.MAX_VALUE);
        return ratioOfCurrent();
    }

    /** The ratio of {@code cps[0..len)} to the current second sequence. */
    public double ratioWithA(int[] cps, int len) {
        ensureA(len);
        System.arraycopy(cps, 0, a, 0, len);
        la = len;
        return ratioOfCurrent();
    }

    /**
     * Copies the first {@code limit} code points of {@code s} into {@code out} (which must hold
     * {@code min(limit, s.length())} ints); returns how many were copied.
     */
    public static int toCodePoints(String s, int[] out, int limit) {
        int n = 0;
        for (int i = 0, len = s.length(); i < len && n < limit; ) {
            int cp = s.codePointAt(i);
            out[n++] = cp;
            i += Character.charCount(cp);
        }
        return n;
    }

    private void ensureA(int n) {
        if (a.length < n) {
            int size = Math.max(n, a.length * 2);
            a = new int[size];
            rowFrom = new int[size];
            rowStart = new int[size];
            rowEnd = new int[size];
            rowLongest = new int[size];
        }
    }

    // ---- b2j ---------------------------------------------------------------------------------

    private void index() {
        if (idOfB.length < lb) {
            int size = Math.max(lb, idOfB.length * 2);
            idOfB = new int[size];
            positions = new int[size];
            start = new int[size];
            count = new int[size];
            fill = new int[size];
        }
        int tableSize = Integer.highestOneBit(Math.max(64, lb * 2) - 1) << 1;
        if (hashKey.length < tableSize) {
            hashKey = new int[tableSize];
            hashStamp = new int[tableSize];
            hashId = new int[tableSize];
            Arrays.fill(asciiStamp, 0);
            indexStamp = 0;
        }
        hashMask = hashKey.length - 1;
        if (++indexStamp >= STAMP_LIMIT) {
            Arrays.fill(hashStamp, 0);
            Arrays.fill(asciiStamp, 0);
            indexStamp = 1;
        }
        int stamp = indexStamp;
        int ids = 0;
        for (int p = 0; p < lb; p++) {
            int cp = b[p];
            int id;
            if (cp < 128) {
                if (asciiStamp[cp] != stamp) {
                    asciiStamp[cp] = stamp;
                    asciiId[cp] = ids;
                    count[ids++] = 0;
                }
                id = asciiId[cp];
            } else {
                int h = hash(cp) & hashMask;
                while (hashStamp[h] == stamp && hashKey[h] != cp) {
                    h = (h + 1) & hashMask;
                }
                if (hashStamp[h] != stamp) {
                    hashStamp[h] = stamp;
                    hashKey[h] = cp;
                    hashId[h] = ids;
                    count[ids++] = 0;
                }
                id = hashId[h];
            }
            count[id]++;
            idOfB[p] = id;
        }
        int next = 0;
        for (int d = 0; d < ids; d++) {
            start[d] = next;
            fill[d] = next;
            next += count[d];
        }
        for (int p = 0; p < lb; p++) {
            positions[fill[idOfB[p]]++] = p;
        }
        if (lb >= 200) {
            // autojunk: "popular" elements leave b2j (but are not junk for the extension below).
            int ntest = lb / 100 + 1;
            for (int d = 0; d < ids; d++) {
                if (count[d] > ntest) {
                    count[d] = 0;
                }
            }
        }
    }

    private static int hash(int cp) {
        int h = cp * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The id of {@code cp} in b's index, or -1 when b has no (non-popular) occurrence. */
    private int idOf(int cp) {
        int stamp = indexStamp;
        int id;
        if (cp < 128) {
            if (asciiStamp[cp] != stamp) {
                return -1;
            }
            id = asciiId[cp];
        } else {
            int h = hash(cp) & hashMask;
            while (true) {
                if (hashStamp[h] != stamp) {
                    return -1;
                }
                if (hashKey[h] == cp) {
                    id = hashId[h];
                    break;
                }
                h = (h + 1) & hashMask;
            }
        }
        return count[id] > 0 ? id : -1;
    }

    // ---- matching ----------------------------------------------------------------------------

    private double ratioOfCurrent() {
        int length = la + lb;
        if (length == 0) {
            return 1.0;
        }
        return 2.0 * matches() / length;
    }

    /**
     * Sum of the sizes of get_matching_blocks (the order of the queue does not change the sum).
     * The first find_longest_match, over the whole of a and b, is {@link #collectCells}; the
     * recursive ones reuse its cells ({@link #findLongestMatchWithin}).
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
        while (top > 0) {
            int bhi = queue[--top];
            int blo = queue[--top];
            int ahi = queue[--top];
            int alo = queue[--top];
            if (first) {
                first = false; // matchI/J/Size already hold the whole-range match (not yet extended)
                extendBestMatch(alo, ahi, blo, bhi, matchI, matchJ, matchSize);
            } else {
                findLongestMatchWithin(alo, ahi, blo, bhi);
            }
            int i = matchI;
            int j = matchJ;
            int k = matchSize;
            if (k > 0) {
                total += k;
                if (queue.length < top + 8) {
                    queue = Arrays.copyOf(queue, queue.length * 2);
                }
                if (alo < i && blo < j) {
                    queue[top++] = alo;
                    queue[top++] = i;
                    queue[top++] = blo;
                    queue[top++] = j;
                }
                if (i + k < ahi && j + k < bhi) {
                    queue[top++] = i + k;
                    queue[top++] = ahi;
                    queue[top++] = j + k;
                    queue[top++] = bhi;
                }
            }
        }
        return total;
    }

    /**
     * One pass over every cell of the matrix, i ascending then j ascending — exactly the scan of
     * find_longest_match(0, la, 0, lb) — recording each cell with the length of the run that
     * ends there (diagonal predecessor's + 1), and leaving that call's best block (before its
     * extension) in matchI/J/Size: the first cell in scan order with the longest run.
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
        int[] pos = positions;
        int[] runs = cellRun;
        int besti = 0;
        int bestj = 0;
        int bestsize = 0;
        int cells = 0;
        int offset = la - 1; // diagonal index of (i, j) is j - i + la - 1
        for (int i = 0; i < la; i++) {
            rowStart[i] = cells;
            int id = idOf(a[i]);
            if (id < 0) {
                rowEnd[i] = cells;
                rowLongest[i] = 0;
                continue;
            }
            int from = start[id];
            int n = count[id];
            if (runs.length < cells + n) {
                runs = cellRun = Arrays.copyOf(runs, Math.max(cells + n, runs.length * 2));
            }
            long row = (base + i) << 32;
            long previousRow = row - (1L << 32);
            int first = cells;
            int longest = 0;
            for (int p = from, end = from + n; p < end; p++) {
                int j = pos[p];
                int d = j - i + offset;
                long e = diag[d];
                // branch-free: run + 1 when the diagonal's latest cell is in the previous row, else 1
                int continues = (int) ((((e ^ previousRow) >>> 32) - 1L) >>> 63);
                int k = ((int) e & -continues) + 1;
                diag[d] = row | k;
                runs[cells++] = k;
                longest = Math.max(longest, k);
            }
            if (longest > bestsize) {
                // the row's first cell with its longest run: the scan's first strictly longer one
                int c = first;
                while (runs[c] != longest) {
                    c++;
                }
                bestsize = longest;
                besti = i - longest + 1;
                bestj = pos[from + c - first] - longest + 1;
            }
            rowFrom[i] = from;
            rowEnd[i] = cells;
            rowLongest[i] = longest;
        }
        matchI = besti;
        matchJ = bestj;
        matchSize = bestsize;
    }

    /**
     * find_longest_match(alo, ahi, blo, bhi) for a rectangle inside the matrix, from the
     * recorded cells: inside the rectangle, a run ending at (i, j) is cut off at its top-left
     * edge, so its length is min(recorded run, i - alo + 1, j - blo + 1) — what difflib's j2len
     * would count there. Cells are visited in the reference's order (i, then j, ascending) and
     * the first strictly longer run wins, as there; rows whose runs cannot beat the best so far
     * are skipped. The result (extended) goes to matchI, matchJ, matchSize.
     */
    private void findLongestMatchWithin(int alo, int ahi, int blo, int bhi) {
        int besti = alo;
        int bestj = blo;
        int bestsize = 0;
        int[] pos = positions;
        int[] runs = cellRun;
        // No block is longer than the rectangle's shorter side: once the best is, nothing beats it.
        int bound = Math.min(ahi - alo, bhi - blo);
        for (int i = alo; i < ahi && bestsize < bound; i++) {
            int height = i - alo + 1;
            if (rowLongest[i] <= bestsize || height <= bestsize) {
                continue;
            }
            int c = rowStart[i];
            int end = rowEnd[i];
            int p = rowFrom[i];
            if (pos[p + (end - c) - 1] < blo) {
                continue; // the whole row lies left of the rectangle (columns ascend within a row)
            }
            for (; c < end; c++, p++) {
                int j = pos[p];
                if (j < blo) {
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
        extendBestMatch(alo, ahi, blo, bhi, besti, bestj, bestsize);
    }

    /** The end of find_longest_match: widens the best block, then records it in matchI/J/Size. */
    private void extendBestMatch(int alo, int ahi, int blo, int bhi, int besti, int bestj, int bestsize) {
        // Extend over equal non-junk neighbours; with no junk function that includes popular ones.
        // (The reference's second pair of loops extends over junk only: nothing is junk here.)
        int[] av = a;
        int[] bv = b;
        while (besti > alo && bestj > blo && av[besti - 1] == bv[bestj - 1]) {
            besti--;
            bestj--;
            bestsize++;
        }
        while (besti + bestsize < ahi && bestj + bestsize < bhi && av[besti + bestsize] == bv[bestj + bestsize]) {
            bestsize++;
        }
        matchI = besti;
        matchJ = bestj;
        matchSize = bestsize;
    }
}
