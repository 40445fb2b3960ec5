package dev.trollwatch.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The optimised matcher against a plain, line-by-line transcription of CPython's difflib
 * (HashMaps, lists, the same loops), on random strings over tiny alphabets, where ties between
 * equally long blocks are everywhere, around the autojunk threshold of 200.
 */
class SequenceMatcherRandomizedTest {

    @Test
    void agreesWithAPlainTranscriptionOfDifflibOnRandomStrings() {
        SplittableRandom r = new SplittableRandom(2019);
        String[] alphabets = {"ab", "abc", "ab c", "aeiou \uD83D\uDE00", "abcdefghijklmnop"};
        // 63-65, 127-129 and 191-193 straddle the 64-bit words of the position bitsets.
        int[] lengths = {0, 1, 2, 5, 17, 60, 63, 64, 65, 127, 128, 129, 150, 191, 192, 193, 198, 199, 200, 201, 230, 320};
        SequenceMatcher matcher = new SequenceMatcher();
        for (int n = 0; n < 6000; n++) {
            int[] alphabet = alphabets[r.nextInt(alphabets.length)].codePoints().toArray();
            int[] a = random(r, alphabet, lengths[r.nextInt(lengths.length)]);
            matcher.setA(a, a.length);
            // several b's against one a, as the featurizer compares them
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                int[] b = r.nextBoolean() ? random(r, alphabet, lengths[r.nextInt(lengths.length)]) : mutate(r, alphabet, a);
                double expected = referenceRatio(a, b);
                assertEquals(expected, matcher.ratioWithB(b, b.length), "case " + n + ": a=" + str(a) + " b=" + str(b));
            }
        }
    }

    private static int[] random(SplittableRandom r, int[] alphabet, int len) {
        int[] s = new int[len];
        for (int i = 0; i < len; i++) {
            s[i] = alphabet[r.nextInt(alphabet.length)];
        }
        return s;
    }

    private static int[] mutate(SplittableRandom r, int[] alphabet, int[] a) {
        List<Integer> s = new ArrayList<>();
        for (int c : a) {
            s.add(c);
        }
        for (int k = r.nextInt(12); k > 0; k--) {
            if (!s.isEmpty() && r.nextBoolean()) {
                s.remove(r.nextInt(s.size()));
            } else {
                s.add(r.nextInt(s.size() + 1), alphabet[r.nextInt(alphabet.length)]);
            }
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String str(int[] cps) {
        return new String(cps, 0, cps.length);
    }

    // ---- difflib.SequenceMatcher(None, a, b).ratio(), transcribed plainly ----------------------

    private static double referenceRatio(int[] a, int[] b) {
        Map<Integer, List<Integer>> b2j = new HashMap<>();
        for (int i = 0; i < b.length; i++) {
            b2j.computeIfAbsent(b[i], k -> new ArrayList<>()).add(i);
        }
        if (b.length >= 200) {
            int ntest = b.length / 100 + 1;
            b2j.values().removeIf(idxs -> idxs.size() > ntest);
        }
        int matches = 0;
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        queue.push(new int[] {0, a.length, 0, b.length});
        while (!queue.isEmpty()) {
            int[] q = queue.pop();
            int alo = q[0];
            int ahi = q[1];
            int blo = q[2];
            int bhi = q[3];
            int[] m = findLongestMatch(a, b, b2j, alo, ahi, blo, bhi);
            int i = m[0];
            int j = m[1];
            int k = m[2];
            if (k > 0) {
                matches += k;
                if (alo < i && blo < j) {
                    queue.push(new int[] {alo, i, blo, j});
                }
                if (i + k < ahi && j + k < bhi) {
                    queue.push(new int[] {i + k, ahi, j + k, bhi});
                }
            }
        }
        int length = a.length + b.length;
        return length == 0 ? 1.0 : 2.0 * matches / length;
    }

    private static int[] findLongestMatch(int[] a, int[] b, Map<Integer, List<Integer>> b2j,
            int alo, int ahi, int blo, int bhi) {
        int besti = alo;
        int bestj = blo;
        int bestsize = 0;
        Map<Integer, Integer> j2len = new HashMap<>();
        for (int i = alo; i < ahi; i++) {
            Map<Integer, Integer> newj2len = new HashMap<>();
            for (int j : b2j.getOrDefault(a[i], List.of())) {
                if (j < blo) {
                    continue;
                }
                if (j >= bhi) {
                    break;
                }
                int k = j2len.getOrDefault(j - 1, 0) + 1;
                newj2len.put(j, k);
                if (k > bestsize) {
                    besti = i - k + 1;
                    bestj = j - k + 1;
                    bestsize = k;
                }
            }
            j2len = newj2len;
        }
        // isjunk is None: nothing is junk, so only the first pair of extension loops can move.
        while (besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1]) {
            besti--;
            bestj--;
            bestsize++;
        }
        while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] == b[bestj + bestsize]) {
            bestsize++;
        }
        return new int[] {besti, bestj, bestsize};
    }
}
