package dev.trollwatch.modelio.sklearn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An estimator object from the pickle ({@code NEWOBJ} of an allowed class, then {@code BUILD}):
 * only its class name and attribute dictionary; nothing of Python runs.
 */
final class PickledInstance {
    final PickleGlobal type;
    final Map<String, Object> state = new LinkedHashMap<>();

    PickledInstance(PickleGlobal type) {
        this.type = type;
    }
}
