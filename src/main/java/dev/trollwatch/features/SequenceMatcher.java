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

    // The current b and its index (b2j): for each distinct code point, a run of ascending positions.
    private int[] b = new int[256];
    private int lb;
    private int[] slotKey = new int[512];      // code point held by a hash slot
    private int[] slotStamp = new int[512];    // slot is live iff slotStamp == buildStamp
    private int[] slotStart = new int[512];    // start of the slot's run in positions
    private int[] slotCount = new int[512];    // run length; 0 for popular code points
    private int[] slotFill = new int[512];
    private int slotMask = 511;
    private int buildStamp;
    private int[] usedSlots = new int[256];
    private int usedCount;
    private int[] slotOfB = new int[256];
    private int[] positions = new int[256];

    // The current a, as code points and as b-index slots (-1: not in b's index).
    private int[] a = new int[256];
    private int la;
    private int[] aSlot = new int[256];

    // j2len of find_longest_match: two rows of lengths keyed by j+1, valid iff stamp matches the row.
    private int[] lenPrev = new int[257];
    private int[] stampPrev = new int[257];
    private int[] lenCur = new int[257];
    private int[] stampCur = new int[257];
    private int rowStamp;

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
            aSlot = new int[size];
        }
    }

    // ---- b2j ---------------------------------------------------------------------------------

    private void index() {
        int tableSize = Integer.highestOneBit(Math.max(64, lb * 2) - 1) << 1;
        if (slotKey.length < tableSize) {
            slotKey = new int[tableSize];
            slotStamp = new int[tableSize];
            slotStart = new int[tableSize];
            slotCount = new int[tableSize];
            slotFill = new int[tableSize];
            buildStamp = 0;
        }
        slotMask = slotKey.length - 1;
        if (++buildStamp >= STAMP_LIMIT) {
            Arrays.fill(slotStamp, 0);
            buildStamp = 1;
        }
        if (slotOfB.length < lb) {
            int size = Math.max(lb, slotOfB.length * 2);
            slotOfB = new int[size];
            positions = new int[size];
            usedSlots = new int[size];
        }
        usedCount = 0;
        for (int p = 0; p < lb; p++) {
            int cp = b[p];
            int s = hash(cp) & slotMask;
            while (slotStamp[s] == buildStamp && slotKey[s] != cp) {
                s = (s + 1) & slotMask;
            }
            if (slotStamp[s] != buildStamp) {
                slotStamp[s] = buildStamp;
                slotKey[s] = cp;
                slotCount[s] = 0;
                usedSlots[usedCount++] = s;
            }
            slotCount[s]++;
            slotOfB[p] = s;
        }
        int start = 0;
        for (int u = 0; u < usedCount; u++) {
            int s = usedSlots[u];
            slotStart[s] = start;
            slotFill[s] = start;
            start += slotCount[s];
        }
        for (int p = 0; p < lb; p++) {
            positions[slotFill[slotOfB[p]]++] = p;
        }
        if (lb >= 200) {
            // autojunk: "popular" elements are dropped from b2j (but are not junk for the extension).
            int ntest = lb / 100 + 1;
            for (int u = 0; u < usedCount; u++) {
                int s = usedSlots[u];
                if (slotCount[s] > ntest) {
                    slotCount[s] = 0;
                }
            }
        }
    }

    private static int hash(int cp) {
        int h = cp * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private int slotOf(int cp) {
        int s = hash(cp) & slotMask;
        while (slotStamp[s] == buildStamp) {
            if (slotKey[s] == cp) {
                return slotCount[s] > 0 ? s : -1;
            }
            s = (s + 1) & slotMask;
        }
        return -1;
    }

    // ---- matching ----------------------------------------------------------------------------

    private double ratioOfCurrent() {
        int length = la + lb;
        if (length == 0) {
            return 1.0;
        }
        for (int i = 0; i < la; i++) {
            aSlot[i] = slotOf(a[i]);
        }
        if (lenPrev.length < lb + 1) {
            int size = Math.max(lb + 1, lenPrev.length * 2);
            lenPrev = new int[size];
            stampPrev = new int[size];
            lenCur = new int[size];
            stampCur = new int[size];
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

    /** find_longest_match(alo, ahi, blo, bhi); the result goes to matchI, matchJ, matchSize. */
    private void findLongestMatch(int alo, int ahi, int blo, int bhi) {
        int besti = alo;
        int bestj = blo;
        int bestsize = 0;
        if (rowStamp >= STAMP_LIMIT) {
            Arrays.fill(stampPrev, 0);
            Arrays.fill(stampCur, 0);
            rowStamp = 0;
        }
        rowStamp++; // skip one stamp so the first row sees an empty j2len
        int[] pos = positions;
        for (int i = alo; i < ahi; i++) {
            int stamp = ++rowStamp;
            int prevStamp = stamp - 1;
            int[] lp = lenPrev;
            int[] sp = stampPrev;
            int[] lc = lenCur;
            int[] sc = stampCur;
            int s = aSlot[i];
            if (s >= 0) {
                for (int p = slotStart[s], end = p + slotCount[s]; p < end; p++) {
                    int j = pos[p];
                    if (j < blo) {
                        continue;
                    }
                    if (j >= bhi) {
                        break;
                    }
                    // j2len is keyed by j + 1, so j2len(j - 1) is at index j.
                    int k = (sp[j] == prevStamp ? lp[j] : 0) + 1;
                    lc[j + 1] = k;
                    sc[j + 1] = stamp;
                    if (k > bestsize) {
                        besti = i - k + 1;
                        bestj = j - k + 1;
                        bestsize = k;
                    }
                }
            }
            lenPrev = lc;
            stampPrev = sc;
            lenCur = lp;
            stampCur = sp;
        }
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
