package dev.trollwatch.modelio.sklearn;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A numpy dtype as pickled: {@code dtype(code, align, copy)} then a state tuple
 * {@code (version, byteorder, subarray, names, fields, itemsize, alignment, flags[, metadata])}.
 * Only plain numbers ({@code i1..i8}, {@code u1..u8}, {@code f4}, {@code f8}, {@code b1}),
 * Python objects ({@code O8}), fixed-width strings ({@code U<n>}) and structured records of numbers
 * ({@code V<n>} with fields) are understood.
 */
final class NumpyDtype {

    /** A field of a structured dtype. */
    record Field(NumpyDtype type, int offset) {
    }

    /** The code as given to the constructor, e.g. {@code f8}, {@code i8}, {@code O8}, {@code V56}. */
    final String code;
    private char byteOrder = '|';
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private int itemSize;

    NumpyDtype(String code, String where) {
        this.code = code;
        char kind = code.isEmpty() ? '?' : code.charAt(0);
        int size;
        try {
            size = Integer.parseInt(code.substring(1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new PickleException(where + ": unsupported numpy dtype " + ValueText.of(code));
        }
        boolean known = switch (kind) {
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'f' -> size == 4 || size == 8;
            case 'b' -> size == 1;
            case 'O' -> size == 8 || size == 4;
            case 'V' -> size > 0 && size <= 4096;
            case 'U' -> size > 0 && size <= 1024;
            default -> false;
        };
        if (!known) {
            throw new PickleException(where + ": unsupported numpy dtype " + ValueText.of(code));
        }
        // 'U<n>': n UTF-32 code units
        this.itemSize = kind == 'U' ? size * 4 : size;
    }

    /** Applies the BUILD state. */
    void setState(Object state, String where) {
        if (!(state instanceof PyTuple t) || t.size() < 8) {
            throw new PickleException(where + ": numpy dtype state is not the expected tuple");
        }
        if (t.get(1) instanceof String order && order.length() == 1 && "<>|=".contains(order)) {
            byteOrder = order.charAt(0);
        } else {
            throw new PickleException(where + ": numpy dtype byte order " + ValueText.of(t.get(1)) + " not understood");
        }
        if (t.get(2) != null) {
            throw new PickleException(where + ": numpy sub-array dtypes are not supported");
        }
        if (t.get(3) != null) {
            if (kind() != 'V' || !(t.get(3) instanceof PyTuple names) || !(t.get(4) instanceof Map<?, ?> fieldMap)) {
                throw new PickleException(where + ": numpy structured dtype without field names/offsets");
            }
            for (Object n : names.items()) {
                if (!(n instanceof String name) || !(fieldMap.get(name) instanceof PyTuple f) || f.size() < 2
                        || !(f.get(0) instanceof NumpyDtype type) || !(f.get(1) instanceof Long offset)) {
                    throw new PickleException(where + ": numpy structured dtype field " + ValueText.of(n) + " not understood");
                }
                if ("VOU".indexOf(type.kind()) >= 0 || offset < 0 || offset + type.itemSize() > itemSize) {
                    throw new PickleException(where + ": numpy field " + ValueText.of(name) + " at offset " + offset
                            + " does not fit a record of " + itemSize + " bytes");
                }
                fields.put(name, new Field(type, offset.intValue()));
            }
        }
        if (t.get(5) instanceof Long size && size > 0 && kind() == 'V') {
            if (size != itemSize) {
                throw new PickleException(where + ": numpy record size " + size + " differs from its code " + ValueText.of(code));
            }
        }
    }

    char kind() {
        return code.charAt(0);
    }

    int itemSize() {
        return itemSize;
    }

    ByteOrder order() {
        return byteOrder == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    boolean isObject() {
        return kind() == 'O';
    }

    Map<String, Field> fields() {
        return fields;
    }

    List<String> fieldNames() {
        return new ArrayList<>(fields.keySet());
    }

    @Override
    public String toString() {
        return fields.isEmpty() ? byteOrder + code : "record" + ValueText.of(fieldNames());
    }
}
