package dev.trollwatch.modelio.sklearn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A Python tuple from the pickle (items may be null for None). Distinct from a list, which is a {@code List}. */
record PyTuple(List<Object> items) {
    PyTuple {
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    int size() {
        return items.size();
    }

    Object get(int i) {
        return items.get(i);
    }
}
