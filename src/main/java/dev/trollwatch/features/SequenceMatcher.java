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
    // For each position of a: its run of positions in b, as [aFirst, aLast] (aLast < aFirst: none).
    private int[] aFirst = new int[256];
    private int[] aLast = new int[256];

    // j2len of find_longest_match, keyed by j + 1: (row stamp << 32 | length); an entry counts
    // only when its stamp is the previous row's, so it never needs clearing.
    private long[] j2len = new long[257];
    private long rowStamp;

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
    public static double ratio(String a, String b) {
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
            aFirst = new int[size];
            aLast = new int[size];
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
        for (int i = 0; i < la; i++) {
            int id = idOf(a[i]);
            if (id < 0) {
                aFirst[i] = 0;
                aLast[i] = -1;
            } else {
                aFirst[i] = start[id];
                aLast[i] = start[id] + count[id] - 1;
            }
        }
        if (j2len.length < lb + 1) {
            j2len = new long[Math.max(lb + 1, j2len.length * 2)];
            rowStamp = 0;
        }
        return 2.0 * matches() / length;
    }

    /** Sum of the sizes of get_matching_blocks (the order of the queue does not change the sum). */
    private int matches() {
        int total = 0;
        int top = 0;
        queue[top++] = 0;
        queue[top++] = la;
        queue[top++] = 0;
        queue[top++] = lb;
        while (top > 0) {
            int bhi = queue[--top];
            int blo = queue[--top];
            int ahi = queue[--top];
            int alo = queue[--top];
            findLongestMatch(alo, ahi, blo, bhi);
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
     * find_longest_match(alo, ahi, blo, bhi); the result goes to matchI, matchJ, matchSize.
     * The reference scans each row's positions upwards and keeps the first strictly longer
     * match; scanning downwards instead lets one j2len array serve both rows (j - 1 is read
     * before this row can write it), and keeping the lowest j of the row's longest match
     * (ties replace) picks the same block.
     */
    private void findLongestMatch(int alo, int ahi, int blo, int bhi) {
        int besti = alo;
        int bestj = blo;
        int bestsize = 0;
        if (rowStamp >= STAMP_LIMIT) {
            Arrays.fill(j2len, 0);
            rowStamp = 0;
        }
        rowStamp++; // skip one stamp so the first row sees an empty j2len
        long[] lens = j2len;
        int[] pos = positions;
        int[] firsts = aFirst;
        int[] lasts = aLast;
        for (int i = alo; i < ahi; i++) {
            long stamp = ++rowStamp;
            int first = firsts[i];
            int p = lasts[i];
            if (p < first) {
                continue;
            }
            long cur = stamp << 32;
            if (pos[p] >= bhi) {
                p = lastBelow(pos, first, p, bhi);
            }
            // Among this row's matches longer than the best so far, keep the longest with the
            // lowest j; "k > bestsize" is rarely true, so the branch predicts well.
            int rowK = bestsize;
            int rowJ = -1;
            long prevStamp = stamp - 1;
            for (; p >= first; p--) {
                int j = pos[p];
                if (j < blo) {
                    break;
                }
                long e = lens[j]; // j2len(j - 1), stored at index j
                long same = (((e >>> 32) ^ prevStamp) - 1) >>> 63; // 1 iff e is the previous row's
                int k = ((int) e & (int) -same) + 1;
                lens[j + 1] = cur | k;
                if (k > bestsize && k >= rowK) {
                    rowK = k;
                    rowJ = j;
                }
            }
            if (rowJ >= 0) {
                besti = i - rowK + 1;
                bestj = rowJ - rowK + 1;
                bestsize = rowK;
            }
        }
        extendBestMatch(alo, ahi, blo, bhi, besti, bestj, bestsize);
    }

    /** Index of the last position in pos[from..to] below {@code bound} (pos[to] >= bound), or from - 1. */
    private static int lastBelow(int[] pos, int from, int to, int bound) {
        int lo = from;
        int hi = to; // pos[hi] >= bound
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pos[mid] >= bound) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo - 1;
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
