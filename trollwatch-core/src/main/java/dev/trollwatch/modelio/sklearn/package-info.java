/**
 * Reading a scikit-learn {@code DecisionTreeClassifier} pickle without executing it:
 * {@link dev.trollwatch.modelio.sklearn.PickleScanner} checks every opcode and global name against an
 * allow-list before anything is built, {@link dev.trollwatch.modelio.sklearn.PickleMachine} builds
 * inert values (numpy arrays decoded here, never Python objects), and
 * {@link dev.trollwatch.modelio.sklearn.SklearnTreeImporter} turns them into a trollwatch tree that
 * scores exactly as scikit-learn does ({@code float32(x) <= threshold}). Uses {@code model} and
 * {@code features}; {@code cli}'s {@code import-sklearn} writes the result with {@code modelio}.
 */
package dev.trollwatch.modelio.sklearn;
