package dev.trollwatch.modelio;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads protocol-buffers wire format field by field: the counterpart of {@link ProtoWriter}, used
 * to read back trollwatch's own ONNX files. Unknown fields are skipped; repeated numbers are
 * accepted packed or unpacked. Malformed input raises {@link MalformedModelException}.
 */
final class ProtoReader {

    /** One field: its number, wire type and value (a number, or the bytes of a length-delimited field). */
    record Field(int number, int wireType, long value, byte[] bytes) {
        String string() {
            return new String(delimited(), StandardCharsets.UTF_8);
        }

        ProtoReader message() {
            return new ProtoReader(delimited());
        }

        /** The bytes of a length-delimited field; a field of another wire type here is a malformed file. */
        private byte[] delimited() {
            if (bytes == null) {
                throw new MalformedModelException("field " + number + " has wire type " + wireType
                        + " where a length-delimited value belongs");
            }
            return bytes;
        }

        float float32() {
            return Float.intBitsToFloat((int) value);
        }

        /** The values of a repeated int64 field occurrence (packed or one unpacked value). */
        List<Long> varints() {
            List<Long> out = new ArrayList<>();
            if (wireType == ProtoWriter.VARINT) {
                out.add(value);
            } else {
                ProtoReader r = new ProtoReader(delimited());
                while (r.pos < r.data.length) {
                    out.add(r.readVarint());
                }
            }
            return out;
        }

        /** The values of a repeated float field occurrence (packed or one unpacked value). */
        List<Float> floats() {
            List<Float> out = new ArrayList<>();
            if (wireType == ProtoWriter.FIXED32) {
                out.add(float32());
            } else {
                ProtoReader r = new ProtoReader(delimited());
                while (r.pos < r.data.length) {
                    out.add(Float.intBitsToFloat((int) r.readFixed(4)));
                }
            }
            return out;
        }
    }

    private final byte[] data;
    private int pos;

    ProtoReader(byte[] data) {
        this.data = data;
    }

    /** All fields of this message, in file order. */
    List<Field> fields() {
        List<Field> out = new ArrayList<>();
        while (pos < data.length) {
            long tag = readVarint();
            int number = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            switch (wireType) {
                case ProtoWriter.VARINT -> out.add(new Field(number, wireType, readVarint(), null));
                case ProtoWriter.FIXED64 -> out.add(new Field(number, wireType, readFixed(8), null));
                case ProtoWriter.FIXED32 -> out.add(new Field(number, wireType, readFixed(4), null));
                case ProtoWriter.LENGTH_DELIMITED -> {
                    long len = readVarint();
                    if (len < 0 || len > data.length - pos) {
                        throw new MalformedModelException("field " + number + " claims " + len + " bytes, "
                                + (data.length - pos) + " remain");
                    }
                    byte[] b = new byte[(int) len];
                    System.arraycopy(data, pos, b, 0, b.length);
                    pos += b.length;
                    out.add(new Field(number, wireType, 0, b));
                }
                default -> throw new MalformedModelException("unsupported protobuf wire type " + wireType
                        + " at byte " + pos);
            }
        }
        return out;
    }

    private long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= data.length) {
                throw new MalformedModelException("truncated varint at byte " + pos);
            }
            byte b = data[pos++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new MalformedModelException("varint longer than 10 bytes at byte " + pos);
    }

    private long readFixed(int n) {
        if (data.length - pos < n) {
            throw new MalformedModelException("truncated fixed-width field at byte " + pos);
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) (data[pos++] & 0xFF) << (8 * i);
        }
        return v;
    }
}
