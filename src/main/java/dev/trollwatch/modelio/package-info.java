/**
 * Model files: Weka's serialized J48 (loaded through an allow-list filter), the portable JSON
 * model and its scorer, and the ONNX-ML export.
 */
package dev.trollwatch.modelio;
