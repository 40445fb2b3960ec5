/**
 * The jobs: read input, compute features, use a model, write results. {@link dev.trollwatch.pipeline.TrainJob}
 * and {@link dev.trollwatch.pipeline.EvaluateJob} (labelled rows from a features CSV or a dump by
 * {@link dev.trollwatch.pipeline.LabelledInput}), a dump to a features CSV
 * ({@link dev.trollwatch.pipeline.FeaturesExport}), batch scoring of a features CSV or a dump
 * ({@link dev.trollwatch.pipeline.PredictionRun}, which tells the two apart).
 * Called by {@code cli} and {@code serve} (and by stream and batch jobs to come); uses {@code io.*},
 * {@code modelio}, {@code model}, {@code features}. No printing, no picocli: progress goes to a
 * {@link dev.trollwatch.pipeline.Progress}, results come back as records.
 */
package dev.trollwatch.pipeline;
