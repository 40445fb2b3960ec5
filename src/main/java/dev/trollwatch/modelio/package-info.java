/**
 * Model files and scoring with them: Weka's serialized J48 (loaded through an allow-list filter),
 * the portable JSON model, the ONNX-ML export (written and read back with a small protobuf codec),
 * {@link dev.trollwatch.modelio.ModelFiles} to save all three at once and load any of them as a
 * {@link dev.trollwatch.modelio.ScoringModel}, and {@link dev.trollwatch.modelio.PredictionRun},
 * the batch scoring behind {@code trollwatch predict}.
 */
package dev.trollwatch.modelio;
