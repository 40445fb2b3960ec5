package dev.trollwatch.modelio.sklearn;

import dev.trollwatch.io.field.Utf8Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first pass over a pickle: decodes every instruction up to {@code STOP} and refuses the file
 * before anything is built if it uses an opcode outside the binary subset a scikit-learn tree needs
 * ({@code INST}, {@code OBJ}, {@code PERSID}, {@code EXT*} and out-of-band buffers are named
 * explicitly), names a {@code GLOBAL} outside {@link PickleGlobal#ALLOWED}, or declares a length
 * longer than the bytes that are left. {@code STACK_GLOBAL} takes its names from the stack, so
 * {@link PickleMachine} checks those.
 */
final class PickleScanner {
    /** Longest module or class name accepted in a GLOBAL line. */
    private static final int MAX_NAME = 200;
    /**
     * Most instructions read. A tree pickle has about 400 whatever the tree's size (its arrays are
     * byte buffers); this bounds what the machine can build (objects, stack, memo) to a few MB for
     * any file under the size limit, where 62 MB of push-None/pop held 2.8 GB.
     */
    static final int MAX_INSTRUCTIONS = 100_000;

    /** How an opcode's inline argument is encoded. */
    private enum Arg { NONE, U1, U2, I4, U4_INDEX, F8, LONG1, LONG4, BYTES1, BYTES4, BYTES8, TEXT1, TEXT4, TEXT8, LINES2, FRAME8 }

    private record Kind(String name, Arg arg) {
    }

    /** The opcodes this reader executes. */
    private static final Map<Integer, Kind> SUPPORTED = new HashMap<>();
    /** Opcodes refused by name, with the reason. */
    private static final Map<Integer, String> FORBIDDEN = new HashMap<>();

    static final int MARK = '(';
    static final int STOP = '.';
    static final int POP = '0';
    static final int POP_MARK = '1';
    static final int DUP = '2';
    static final int BININT = 'J';
    static final int BININT1 = 'K';
    static final int BININT2 = 'M';
    static final int LONG1 = 0x8a;
    static final int LONG4 = 0x8b;
    static final int NONE = 'N';
    static final int NEWTRUE = 0x88;
    static final int NEWFALSE = 0x89;
    static final int BINFLOAT = 'G';
    static final int SHORT_BINBYTES = 'C';
    static final int BINBYTES = 'B';
    static final int BINBYTES8 = 0x8e;
    static final int BYTEARRAY8 = 0x96;
    static final int SHORT_BINUNICODE = 0x8c;
    static final int BINUNICODE = 'X';
    static final int BINUNICODE8 = 0x8d;
    static final int EMPTY_TUPLE = ')';
    static final int TUPLE = 't';
    static final int TUPLE1 = 0x85;
    static final int TUPLE2 = 0x86;
    static final int TUPLE3 = 0x87;
    static final int EMPTY_LIST = ']';
    static final int APPEND = 'a';
    static final int APPENDS = 'e';
    static final int EMPTY_DICT = '}';
    static final int SETITEM = 's';
    static final int SETITEMS = 'u';
    static final int BINGET = 'h';
    static final int LONG_BINGET = 'j';
    static final int BINPUT = 'q';
    static final int LONG_BINPUT = 'r';
    static final int MEMOIZE = 0x94;
    static final int GLOBAL = 'c';
    static final int STACK_GLOBAL = 0x93;
    static final int REDUCE = 'R';
    static final int BUILD = 'b';
    static final int NEWOBJ = 0x81;
    static final int PROTO = 0x80;
    static final int FRAME = 0x95;

    static {
        supported(MARK, "MARK", Arg.NONE);
        supported(STOP, "STOP", Arg.NONE);
        supported(POP, "POP", Arg.NONE);
        supported(POP_MARK, "POP_MARK", Arg.NONE);
        supported(DUP, "DUP", Arg.NONE);
        supported(BININT, "BININT", Arg.I4);
        supported(BININT1, "BININT1", Arg.U1);
        supported(BININT2, "BININT2", Arg.U2);
        supported(LONG1, "LONG1", Arg.LONG1);
        supported(LONG4, "LONG4", Arg.LONG4);
        supported(NONE, "NONE", Arg.NONE);
        supported(NEWTRUE, "NEWTRUE", Arg.NONE);
        supported(NEWFALSE, "NEWFALSE", Arg.NONE);
        supported(BINFLOAT, "BINFLOAT", Arg.F8);
        supported(SHORT_BINBYTES, "SHORT_BINBYTES", Arg.BYTES1);
        supported(BINBYTES, "BINBYTES", Arg.BYTES4);
        supported(BINBYTES8, "BINBYTES8", Arg.BYTES8);
        supported(BYTEARRAY8, "BYTEARRAY8", Arg.BYTES8);
        supported(SHORT_BINUNICODE, "SHORT_BINUNICODE", Arg.TEXT1);
        supported(BINUNICODE, "BINUNICODE", Arg.TEXT4);
        supported(BINUNICODE8, "BINUNICODE8", Arg.TEXT8);
        supported(EMPTY_TUPLE, "EMPTY_TUPLE", Arg.NONE);
        supported(TUPLE, "TUPLE", Arg.NONE);
        supported(TUPLE1, "TUPLE1", Arg.NONE);
        supported(TUPLE2, "TUPLE2", Arg.NONE);
        supported(TUPLE3, "TUPLE3", Arg.NONE);
        supported(EMPTY_LIST, "EMPTY_LIST", Arg.NONE);
        supported(APPEND, "APPEND", Arg.NONE);
        supported(APPENDS, "APPENDS", Arg.NONE);
        supported(EMPTY_DICT, "EMPTY_DICT", Arg.NONE);
        supported(SETITEM, "SETITEM", Arg.NONE);
        supported(SETITEMS, "SETITEMS", Arg.NONE);
        supported(BINGET, "BINGET", Arg.U1);
        supported(LONG_BINGET, "LONG_BINGET", Arg.U4_INDEX);
        supported(BINPUT, "BINPUT", Arg.U1);
        supported(LONG_BINPUT, "LONG_BINPUT", Arg.U4_INDEX);
        supported(MEMOIZE, "MEMOIZE", Arg.NONE);
        supported(GLOBAL, "GLOBAL", Arg.LINES2);
        supported(STACK_GLOBAL, "STACK_GLOBAL", Arg.NONE);
        supported(REDUCE, "REDUCE", Arg.NONE);
        supported(BUILD, "BUILD", Arg.NONE);
        supported(NEWOBJ, "NEWOBJ", Arg.NONE);
        supported(PROTO, "PROTO", Arg.U1);
        supported(FRAME, "FRAME", Arg.FRAME8);

        FORBIDDEN.put((int) 'i', "INST (creates an instance of any class named inline)");
        FORBIDDEN.put((int) 'o', "OBJ (creates an instance of any class on the stack)");
        FORBIDDEN.put((int) 'P', "PERSID (asks the reader to load an external object)");
        FORBIDDEN.put((int) 'Q', "BINPERSID (asks the reader to load an external object)");
        FORBIDDEN.put(0x82, "EXT1 (imports a registered extension object)");
        FORBIDDEN.put(0x83, "EXT2 (imports a registered extension object)");
        FORBIDDEN.put(0x84, "EXT4 (imports a registered extension object)");
        FORBIDDEN.put(0x92, "NEWOBJ_EX (creates an instance with keyword arguments)");
        FORBIDDEN.put(0x97, "NEXT_BUFFER (reads an out-of-band buffer)");
        FORBIDDEN.put(0x98, "READONLY_BUFFER (out-of-band buffer)");
    }

    private static void supported(int code, String name, Arg arg) {
        SUPPORTED.put(code, new Kind(name, arg));
    }

    private final byte[] data;
    private final String file;
    private int pos;

    private PickleScanner(byte[] data, String file) {
        this.data = data;
        this.file = file;
    }

    /** All instructions of the pickle, through {@code STOP}; refuses the file on the first problem. */
    static List<PickleOp> scan(byte[] data, String file) {
        return new PickleScanner(data, file).scanAll();
    }

    /** The opcode's name, for messages. */
    static String name(int code) {
        Kind k = SUPPORTED.get(code);
        return k != null ? k.name() : String.format("0x%02x", code);
    }

    private List<PickleOp> scanAll() {
        List<PickleOp> ops = new ArrayList<>();
        while (true) {
            if (pos >= data.length) {
                throw error(pos, "truncated: the file ends before the STOP opcode");
            }
            int offset = pos;
            if (ops.size() == MAX_INSTRUCTIONS) {
                throw error(offset, "refused: more than " + MAX_INSTRUCTIONS + " instructions; a decision tree"
                        + " pickle has a few hundred");
            }
            int code = data[pos++] & 0xff;
            String why = FORBIDDEN.get(code);
            if (why != null) {
                throw error(offset, "refused: forbidden opcode " + why);
            }
            Kind kind = SUPPORTED.get(code);
            if (kind == null) {
                throw error(offset, String.format("refused: opcode 0x%02x ('%s') is not one a scikit-learn tree pickle uses",
                        code, code >= 0x20 && code < 0x7f ? Character.toString((char) code) : "?"));
            }
            Object arg = argument(kind, offset);
            if (code == PROTO && ((Long) arg < 2 || (Long) arg > 5)) {
                throw error(offset, "unsupported pickle protocol " + arg + " (this reader reads protocols 2 to 5)");
            }
            if (arg instanceof PickleGlobal g && !g.isAllowed()) {
                throw error(offset, g.refusal());
            }
            ops.add(new PickleOp(offset, code, arg));
            if (code == STOP) {
                return ops;
            }
        }
    }

    private Object argument(Kind kind, int offset) {
        return switch (kind.arg()) {
            case NONE -> null;
            case U1 -> (long) (bytes(1, offset)[0] & 0xff);
            case U2 -> (long) littleEndian(bytes(2, offset));
            case I4 -> (long) (int) littleEndian(bytes(4, offset));
            case U4_INDEX -> littleEndian(bytes(4, offset));
            case F8 -> ByteBuffer.wrap(bytes(8, offset)).getDouble();
            case LONG1 -> signedLong(bytes(length(1, offset), offset), offset);
            case LONG4 -> signedLong(bytes(length(4, offset), offset), offset);
            case BYTES1 -> bytes(length(1, offset), offset);
            case BYTES4 -> bytes(length(4, offset), offset);
            case BYTES8 -> bytes(length(8, offset), offset);
            case FRAME8 -> {
                length(8, offset); // the frame's opcodes follow; only its declared size is checked
                yield null;
            }
            case TEXT1 -> text(length(1, offset), offset);
            case TEXT4 -> text(length(4, offset), offset);
            case TEXT8 -> text(length(8, offset), offset);
            case LINES2 -> new PickleGlobal(line(offset), line(offset));
        };
    }

    /** A declared length, refused when it is longer than what is left of the file. */
    private int length(int width, int offset) {
        long n = littleEndian(bytes(width, offset));
        if (n < 0 || n > data.length - pos) {
            throw error(offset, "refused: " + name(data[offset] & 0xff) + " declares " + Long.toUnsignedString(n)
                    + " bytes but only " + (data.length - pos) + " are left (truncated or hostile file)");
        }
        return (int) n;
    }

    private byte[] bytes(int n, int offset) {
        if (n > data.length - pos) {
            throw error(offset, "truncated: " + name(data[offset] & 0xff) + " needs " + n + " more bytes, "
                    + (data.length - pos) + " are left");
        }
        byte[] b = new byte[n];
        System.arraycopy(data, pos, b, 0, n);
        pos += n;
        return b;
    }

    /** Little-endian unsigned value of up to 8 bytes (8 bytes with the top bit set come back negative). */
    private static long littleEndian(byte[] b) {
        long v = 0;
        for (int i = b.length - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    private Long signedLong(byte[] littleEndian, int offset) {
        if (littleEndian.length > 8) {
            throw error(offset, "an integer of " + littleEndian.length + " bytes is larger than a tree needs");
        }
        byte[] big = new byte[Math.max(1, littleEndian.length)];
        for (int i = 0; i < littleEndian.length; i++) {
            big[big.length - 1 - i] = littleEndian[i];
        }
        return littleEndian.length == 0 ? 0L : new BigInteger(big).longValueExact();
    }

    /**
     * The next {@code n} bytes as UTF-8. A string can be most of the file (a protocol-2 numpy
     * buffer is one), so it is checked in pieces ({@link Utf8Bytes}) and then built once: decoding
     * it whole held a char buffer of twice its length besides the string.
     */
    private String text(int n, int offset) {
        if (Utf8Bytes.firstMalformed(data, pos, n) >= 0) {
            throw error(offset, "a string is not valid UTF-8");
        }
        String s = new String(data, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** One newline-terminated ASCII name of a GLOBAL. */
    private String line(int offset) {
        int start = pos;
        while (pos < data.length && data[pos] != '\n') {
            if (pos - start >= MAX_NAME || data[pos] < 0x20 || data[pos] > 0x7e) {
                throw error(offset, "refused: GLOBAL names an unreadable or over-long module/class name");
            }
            pos++;
        }
        if (pos >= data.length) {
            throw error(offset, "truncated: the GLOBAL name is not terminated");
        }
        String s = new String(data, start, pos - start, StandardCharsets.US_ASCII);
        pos++;
        return s;
    }

    private PickleException error(int offset, String what) {
        return new PickleException(file + ": byte " + offset + ": " + what);
    }
}
