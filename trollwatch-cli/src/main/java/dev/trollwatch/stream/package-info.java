/**
 * {@code trollwatch stream}: score the live comment stream on Apache Kafka. A consumer reads one
 * JSON comment per message (the 2019 producer's shape, mapped by the shared
 * {@link dev.trollwatch.io.field.CommentJsonMapper}), the training featurizer and a
 * {@link dev.trollwatch.model.ScoringModel} score it, and a transactional producer publishes one
 * verdict per message and commits the consumer's offsets in the same transaction, so a
 * {@code read_committed} reader sees every verdict exactly once. Bad messages go to a dead-letter
 * topic with the error and their original bytes. Plain {@code kafka-clients}; no picocli, no printing.
 */
package dev.trollwatch.stream;
