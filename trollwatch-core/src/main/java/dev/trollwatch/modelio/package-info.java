/**
 * Model files: Weka's serialized J48 (loaded through an allow-list filter), the portable JSON model,
 * the ONNX-ML export (written and read back with a small protobuf codec), and
 * {@link dev.trollwatch.modelio.ModelFiles} to save all three at once and load any of them as a
 * {@link dev.trollwatch.model.ScoringModel}. Uses {@code model}, {@code features} and {@code io.file}.
 */
package dev.trollwatch.modelio;
