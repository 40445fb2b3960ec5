/**
 * Feature engineering, pure computation with no I/O: the text kernels (Python difflib's
 * SequenceMatcher ratio, TextBlob's pattern sentiment), the {@link dev.trollwatch.features.Featurizer}
 * that turns one {@link dev.trollwatch.comment.Comment} into the model's 20 features and its label,
 * the streaming de-duplication on (author, link_id, created_utc), the multi-core
 * {@link dev.trollwatch.features.ParallelFeaturizer} that keeps input order, and the training-time
 * known-bot relabelling. See docs/features.md. Uses only {@code comment} of ours (checked by
 * ArchitectureTest), so that any front end can featurize without pulling in formats or models.
 */
package dev.trollwatch.features;
