/**
 * Feature engineering, pure functions with no I/O: the text kernels (Python difflib's
 * SequenceMatcher ratio, TextBlob's pattern sentiment) and the featurizer that turns one
 * {@link dev.trollwatch.comment.Comment} into the model's 20 features and its label.
 */
package dev.trollwatch.features;
