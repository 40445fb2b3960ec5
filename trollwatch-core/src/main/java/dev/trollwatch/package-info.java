/**
 * trollwatch: train and evaluate a model that screens Reddit comments (normal user, bot, troll).
 *
 * <p>Layers, top to bottom; each uses only layers below it (docs/architecture.md, checked by
 * ArchitectureTest): {@code cli} (picocli commands, the only printing and exit codes) → {@code serve}
 * (HTTP scoring) → {@code pipeline} (jobs: read, featurize, score, write) → {@code io.*} and
 * {@code modelio} (formats) → {@code model} (learner, evaluation, a loaded model) → {@code features}
 * (pure computation) → {@code comment} (row types). {@code generate} sits low: it uses
 * {@code comment}, {@code features}' labels and {@code io.field}. This package holds only the base
 * exception every layer may throw.
 */
package dev.trollwatch;
