/**
 * trollwatch: train and evaluate a model that screens Reddit comments (normal user, bot, troll).
 *
 * <p>Layers, top to bottom: {@code cli} (picocli commands) uses everything below it;
 * {@code serve} (HTTP scoring) uses {@code modelio} and {@code features};
 * {@code modelio} (model files) and {@code model} (learner, evaluation) use {@code features};
 * {@code io} (dump readers/writers, JDBC export) and {@code features} (pure feature engineering)
 * use only {@code comment}, the record types at the bottom. Nothing below {@code cli} imports picocli.
 */
package dev.trollwatch;
