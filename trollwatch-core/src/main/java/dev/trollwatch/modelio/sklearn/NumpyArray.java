package dev.trollwatch.modelio.sklearn;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A numpy array as pickled, decoded here rather than by numpy: a shape, a dtype and either the raw
 * C-order bytes (numbers, records) or a list of Python values (object arrays such as
 * {@code classes_}). Built by {@code _reconstruct} + {@code BUILD} (protocols 2–4) or by
 * {@code _frombuffer} (protocol 5); the byte count must equal shape × item size.
 */
final class NumpyArray {
    private long[] shape;
    private NumpyDtype dtype;
    private byte[] bytes;
    private List<Object> objects;

    private NumpyArray() {
    }

    /** {@code _reconstruct(ndarray, (0,), b'b')}: an empty array that BUILD fills. */
    static NumpyArray reconstructed() {
        return new NumpyArray();
    }

    /** {@code _frombuffer(buffer, dtype, shape, order)}. */
    static NumpyArray fromBuffer(Object buffer, Object dtype, Object shape, Object order, String where) {
        NumpyArray a = new NumpyArray();
        a.fill(shape, dtype, "F".equals(order), buffer, where);
        return a;
    }

    /** BUILD state: {@code (version, shape, dtype, is_fortran, data)} (or without the version). */
    void setState(Object state, String where) {
        if (!(state instanceof PyTuple t) || (t.size() != 5 && t.size() != 4)) {
            throw new PickleException(where + ": numpy array state is not the expected tuple");
        }
        int o = t.size() - 4;
        fill(t.get(o), t.get(o + 1), Boolean.TRUE.equals(t.get(o + 2)), t.get(o + 3), where);
    }

    private void fill(Object shapeValue, Object dtypeValue, boolean fortran, Object data, String where) {
        if (dtype != null) {
            throw new PickleException(where + ": numpy array state set twice");
        }
        if (!(shapeValue instanceof PyTuple s) || !(dtypeValue instanceof NumpyDtype d)) {
            throw new PickleException(where + ": numpy array without a shape tuple and a dtype");
        }
        long[] dims = new long[s.size()];
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            if (!(s.get(i) instanceof Long n) || n < 0) {
                throw new PickleException(where + ": numpy array shape " + s + " is not a list of sizes");
            }
            dims[i] = n;
            try {
                count = Math.multiplyExact(count, n);
            } catch (ArithmeticException e) {
                throw new PickleException(where + ": numpy array shape " + s + " is too large");
            }
        }
        if (fortran && dims.length > 1) {
            throw new PickleException(where + ": Fortran-ordered numpy arrays are not supported");
        }
        if (d.isObject()) {
            if (!(data instanceof List<?> list) || list.size() != count) {
                throw new PickleException(where + ": numpy object array of shape " + s
                        + " does not hold " + count + " values");
            }
            objects = new ArrayList<>(list);
        } else {
            if (!(data instanceof byte[] raw)) {
                throw new PickleException(where + ": numpy array data is not bytes");
            }
            if (count > Integer.MAX_VALUE / d.itemSize() || raw.length != count * d.itemSize()) {
                throw new PickleException(where + ": numpy array of shape " + s + " and " + d.itemSize()
                        + "-byte items needs " + (count > Integer.MAX_VALUE / d.itemSize() ? "more than 2 GB"
                        : count * d.itemSize() + " bytes") + ", the pickle has " + raw.length);
            }
            bytes = raw;
        }
        shape = dims;
        dtype = d;
    }

    long[] shape() {
        return shape == null ? new long[0] : shape.clone();
    }

    NumpyDtype dtype() {
        return dtype;
    }

    /** Number of elements. */
    long size() {
        long n = 1;
        for (long d : shape()) {
            n *= d;
        }
        return n;
    }

    boolean isFilled() {
        return dtype != null;
    }

    /**
     * The values of a one-dimensional array of strings: an object array of Python strings, or a
     * numpy {@code U<n>} array (UTF-32, padded with NULs). Used for {@code classes_} and
     * {@code feature_names_in_}.
     */
    List<String> strings(String where) {
        if (!isFilled() || shape.length != 1) {
            throw new PickleException(where + ": expected a one-dimensional array of strings");
        }
        List<String> out = new ArrayList<>();
        if (objects != null) {
            for (Object o : objects) {
                if (!(o instanceof String s)) {
                    throw new PickleException(where + ": expected strings, found " + ValueText.of(o));
                }
                out.add(s);
            }
            return out;
        }
        if (dtype.kind() != 'U') {
            throw new PickleException(where + ": expected an array of strings, found numbers (dtype " + dtype + ")");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(dtype.order());
        int units = dtype.itemSize() / 4;
        for (int i = 0; i < shape[0]; i++) {
            StringBuilder sb = new StringBuilder();
            for (int u = 0; u < units; u++) {
                int cp = b.getInt((i * units + u) * 4);
                if (cp == 0) {
                    break;
                }
                if (!Character.isValidCodePoint(cp)) {
                    throw new PickleException(where + ": a string holds an invalid character");
                }
                sb.appendCodePoint(cp);
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Element {@code index} (C order) as a double; for a record array, its field {@code field}. */
    double number(long index, String field, String where) {
        return read(index, field, where).doubleValue();
    }

    /** Element {@code index} (or its field) as an integer; refused for a float field. */
    long integer(long index, String field, String where) {
        Number n = read(index, field, where);
        if (n instanceof Double) {
            throw new PickleException(where + ": expected integers, found floats");
        }
        return n.longValue();
    }

    private Number read(long index, String field, String where) {
        if (bytes == null) {
            throw new PickleException(where + ": expected a numeric array, found " + (dtype == null ? "an empty array"
                    : "dtype " + dtype));
        }
        NumpyDtype type = dtype;
        int offset = 0;
        if (field != null) {
            NumpyDtype.Field f = dtype.fields().get(field);
            if (f == null) {
                throw new PickleException(where + ": the record has no field '" + field + "' (it has "
                        + ValueText.of(dtype.fieldNames()) + ")");
            }
            type = f.type();
            offset = f.offset();
        } else if (bytes == null || !dtype.fields().isEmpty() || dtype.kind() == 'U') {
            throw new PickleException(where + ": expected a numeric array, found dtype " + dtype);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(type.order());
        int at = Math.toIntExact(index * dtype.itemSize() + offset);
        return switch (type.kind()) {
            case 'f' -> (Number) (type.itemSize() == 8 ? b.getDouble(at) : (double) b.getFloat(at));
            case 'i' -> (Number) switch (type.itemSize()) {
                case 1 -> (long) b.get(at);
                case 2 -> (long) b.getShort(at);
                case 4 -> (long) b.getInt(at);
                default -> b.getLong(at);
            };
            case 'u', 'b' -> (Number) switch (type.itemSize()) {
                case 1 -> (long) (b.get(at) & 0xff);
                case 2 -> (long) (b.getShort(at) & 0xffff);
                case 4 -> b.getInt(at) & 0xffffffffL;
                default -> b.getLong(at);
            };
            default -> throw new PickleException(where + ": field " + field + " is not numeric");
        };
    }

    /** A numpy scalar: {@code scalar(dtype, bytes)} decoded to a Long or Double. */
    static Object scalar(Object dtypeValue, Object data, String where) {
        if (!(dtypeValue instanceof NumpyDtype d) || d.isObject() || !d.fields().isEmpty()
                || !(data instanceof byte[] raw) || raw.length != d.itemSize()) {
            throw new PickleException(where + ": numpy scalar is not a plain number");
        }
        NumpyArray one = new NumpyArray();
        one.shape = new long[0];
        one.dtype = d;
        one.bytes = raw;
        return one.read(0, null, where);
    }
}
