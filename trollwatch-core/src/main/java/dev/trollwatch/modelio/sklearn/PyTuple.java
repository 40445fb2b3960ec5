package dev.trollwatch.modelio.sklearn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Python tuple from the pickle (items may be null for None). Distinct from a list, which is a {@code List}.
 *
 * <p>Equal only to itself: comparing or hashing by value would walk the items, and a hostile
 * pickle builds tuples 100 levels deep that share each level (2^100 steps) or thousands of levels
 * deep (a stack overflow). Nothing in a tree pickle needs two tuples compared; dictionary keys
 * are strings or numbers ({@link PickleMachine}).
 */
final class PyTuple {
    private final List<Object> items;

    PyTuple(List<Object> items) {
        this.items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    List<Object> items() {
        return items;
    }

    int size() {
        return items.size();
    }

    Object get(int i) {
        return items.get(i);
    }

    @Override
    public String toString() {
        return ValueText.of(this);
    }
}
