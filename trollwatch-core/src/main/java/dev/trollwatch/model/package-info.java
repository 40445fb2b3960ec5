/**
 * Modelling: the depth-capped, class-weighted J48 learner (with its row-aware split search), the
 * conversion to the portable {@link dev.trollwatch.model.DecisionTree}, de-duplication and
 * relabelling before training, seeded train/test splits and folds, evaluation metrics, feature
 * importance, quality gates, a loaded model ready to score ({@link dev.trollwatch.model.ScoringModel}),
 * and the text/DOT/metrics renderings of results (as strings and maps; writing files is io's job).
 * Uses {@code features} and {@code comment}; no I/O.
 */
package dev.trollwatch.model;
