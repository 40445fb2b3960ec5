/**
 * The jobs: read input, compute features, use a model, write results. Labelled feature rows from a
 * features CSV or a dump ({@link dev.trollwatch.pipeline.LabelledInput}), a dump to a features CSV
 * ({@link dev.trollwatch.pipeline.FeaturesExport}), batch scoring
 * ({@link dev.trollwatch.pipeline.PredictionRun}). Called by {@code cli} and {@code serve} (and by
 * stream and batch jobs to come); uses {@code io.*}, {@code modelio}, {@code model}, {@code features}.
 * No printing, no picocli: progress goes to a callback.
 */
package dev.trollwatch.pipeline;
