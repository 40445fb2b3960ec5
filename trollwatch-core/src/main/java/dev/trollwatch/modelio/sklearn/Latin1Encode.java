package dev.trollwatch.modelio.sklearn;

/**
 * {@code _codecs.encode(text, 'latin1')}: how Python 3 writes every bytes object, so every numpy
 * buffer, at pickle protocol 2. Worked out here as the pure function it is, each character
 * U+0000 to U+00FF one byte. Only the Latin-1 codec is accepted: in Python a codec name selects
 * code to run, and a tree pickle names no other.
 */
final class Latin1Encode {
    private Latin1Encode() {
    }

    /** The bytes of {@code (text, 'latin1')} (or {@code 'latin-1'}); refused for any other arguments. */
    static byte[] bytes(PyTuple args, String where) {
        if (args.size() != 2 || !(args.get(0) instanceof String text) || !(args.get(1) instanceof String codec)) {
            throw new PickleException(where + ": refused: _codecs.encode is accepted only as (text, 'latin1')");
        }
        if (!codec.equals("latin1") && !codec.equals("latin-1")) {
            throw new PickleException(where + ": refused: _codecs.encode with codec " + ValueText.of(codec)
                    + " (only 'latin1', as pickle writes bytes)");
        }
        byte[] out = new byte[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            if (c > 0xff) {
                throw new PickleException(where + ": malformed: _codecs.encode text has character U+"
                        + String.format("%04X", (int) c) + " at " + i + ", not Latin-1");
            }
            out[i] = (byte) c;
        }
        return out;
    }
}
