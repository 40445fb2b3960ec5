package dev.trollwatch.model;

/**
 * How a scorer compares a feature value with a split threshold. The Weka and JSON models compare
 * doubles; ONNX Runtime compares 32-bit floats (the input is {@code float[N,20]}), so a model read
 * back from a {@code .onnx} file scores the way ONNX Runtime does.
 */
public enum ThresholdPrecision {
    /** {@code x <= threshold} in double precision. */
    DOUBLE,
    /**
     * {@code (float) x <= (float) threshold}, as ONNX Runtime evaluates it; a threshold beyond
     * float32's range counts as the largest float of its sign, as the {@code .onnx} file stores it.
     */
    FLOAT32;

    /** A threshold as float32 compares it: the nearest float, held within float32's range (never infinite). */
    public static float float32Threshold(double threshold) {
        return Math.abs(threshold) > Float.MAX_VALUE ? (float) Math.copySign(Float.MAX_VALUE, threshold) : (float) threshold;
    }
}
