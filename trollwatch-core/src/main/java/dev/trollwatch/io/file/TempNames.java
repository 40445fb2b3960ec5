package dev.trollwatch.io.file;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names of temp files beside an output: {@code .NAME.PID.RANDOM.tmp}, with NAME cut short where the
 * whole would pass the 255 bytes a file name may have (a legal 236-byte output name failed with
 * "File name too long" for its temp file's sake).
 */
final class TempNames {
    private static final int MAX_NAME_BYTES = 255;
    /** ".", ".", up to 19 digits of a pid, ".", up to 13 base-36 digits, ".tmp". */
    private static final int DECORATION_BYTES = 1 + 1 + 19 + 1 + 13 + 4;

    private TempNames() {
    }

    /** {@code name}, cut at a character boundary so that its temp names fit. */
    static String shortened(String name) {
        int budget = MAX_NAME_BYTES - DECORATION_BYTES;
        if (name.getBytes(StandardCharsets.UTF_8).length <= budget) {
            return name;
        }
        int bytes = 0;
        int end = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // its UTF-8 length
            if (bytes + n > budget) {
                break;
            }
            bytes += n;
            end += Character.charCount(cp);
        }
        return name.substring(0, end);
    }

    /** A fresh temp name for a (shortened) {@code name} written by process {@code pid}. */
    static String of(String name, long pid) {
        return "." + name + "." + pid + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp";
    }
}
