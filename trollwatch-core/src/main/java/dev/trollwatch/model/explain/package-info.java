/**
 * Why a tree gives a verdict: the decision path as conditions on the row's own feature values,
 * the training support of the leaf it ends in (rows per class, next to the class-weighted
 * probabilities), and each feature's exact Shapley contribution to the probabilities. Pure
 * computation on {@link dev.trollwatch.model.DecisionTree}; every walk of the tree goes through a
 * {@link dev.trollwatch.model.explain.BranchRule}, the comparison the scorer itself uses.
 */
package dev.trollwatch.model.explain;
