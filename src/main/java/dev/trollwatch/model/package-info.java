/**
 * Modelling: the depth-capped, class-weighted J48 learner, train/test splitting, evaluation
 * metrics, feature importance and quality gates. Uses {@code features}; no I/O of dump formats.
 */
package dev.trollwatch.model;
