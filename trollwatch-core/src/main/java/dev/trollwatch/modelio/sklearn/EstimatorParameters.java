package dev.trollwatch.modelio.sklearn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An estimator parameter ({@code criterion}, {@code max_depth}, {@code _sklearn_version}, …) as the
 * model's {@code training_params} record it. scikit-learn's tree parameters are None, bools,
 * numbers and strings, and {@code class_weight} may be a dict of them; the value is checked to be
 * one of those before it is copied, never expanded: a list holding itself twice, 80 levels deep, is
 * 2^80 strings written out, and a list containing itself never ends.
 */
final class EstimatorParameters {
    /**
     * Longest parameter string kept. The longest real one is a few characters ({@code 'entropy'},
     * {@code '1.4.2'}); the model files are read back with a string limit (20 M characters).
     */
    static final int MAX_TEXT = 1000;

    private EstimatorParameters() {
    }

    /** {@code value} as JSON data, or a refusal naming {@code file} and the parameter. */
    static Object json(String file, String name, Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(scalar(file, name + " key", e.getKey()));
                out.put(key, scalar(file, name + "[" + ValueText.of(key) + "]", e.getValue()));
            }
            return out;
        }
        return scalar(file, name, value);
    }

    private static Object scalar(String file, String name, Object value) {
        if (value instanceof String s && s.length() > MAX_TEXT) {
            throw new PickleException(file + ": estimator parameter " + name + " is a string of " + s.length()
                    + " characters; at most " + MAX_TEXT + " are kept");
        }
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean) {
            return value;
        }
        throw new PickleException(file + ": estimator parameter " + name + " is " + PickleMachine.describe(value)
                + ", not None, a bool, a number or a string");
    }
}
