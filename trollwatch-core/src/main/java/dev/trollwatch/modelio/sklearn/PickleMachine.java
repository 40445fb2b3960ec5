package dev.trollwatch.modelio.sklearn;

import static dev.trollwatch.modelio.sklearn.PickleScanner.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The second pass: runs the scanned instructions on a stack, building only inert values — Java
 * numbers, strings, byte arrays, lists, {@link PyTuple}s and maps, plus {@link NumpyDtype},
 * {@link NumpyArray}, {@link PickledTree} and {@link PickledInstance} for the few allowed globals.
 * Calling ({@code REDUCE}, {@code NEWOBJ}) anything else, or building ({@code BUILD}) state into a
 * value that is not one of those, refuses the file. No Python object is created, no code is run.
 */
final class PickleMachine {
    private final String file;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private int offset;

    private PickleMachine(String file) {
        this.file = file;
    }

    /** Scans, then runs, a pickle; returns the object it describes. */
    static Object load(byte[] data, String file) {
        List<PickleOp> ops = PickleScanner.scan(data, file);
        return new PickleMachine(file).run(ops);
    }

    private Object run(List<PickleOp> ops) {
        for (PickleOp op : ops) {
            offset = op.offset();
            if (op.code() == STOP) {
                if (stack.size() != 1 || !marks.isEmpty()) {
                    throw error("malformed: STOP with " + stack.size() + " values on the stack");
                }
                return stack.get(0);
            }
            step(op);
        }
        throw error("truncated: no STOP");
    }

    private void step(PickleOp op) {
        Object arg = op.argument();
        switch (op.code()) {
            case PROTO, FRAME -> { }
            case MARK -> marks.push(stack.size());
            case POP -> pop();
            case POP_MARK -> popToMark();
            case DUP -> push(peek());
            case BININT, BININT1, BININT2, LONG1, LONG4, BINFLOAT, SHORT_BINBYTES, BINBYTES, BINBYTES8, BYTEARRAY8,
                    SHORT_BINUNICODE, BINUNICODE, BINUNICODE8 -> push(arg);
            case GLOBAL -> push(arg);
            case NONE -> push(null);
            case NEWTRUE -> push(Boolean.TRUE);
            case NEWFALSE -> push(Boolean.FALSE);
            case EMPTY_TUPLE -> push(new PyTuple(List.of()));
            case TUPLE -> push(new PyTuple(popToMark()));
            case TUPLE1, TUPLE2, TUPLE3 -> {
                int n = op.code() - TUPLE1 + 1;
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    items.add(0, pop());
                }
                push(new PyTuple(items));
            }
            case EMPTY_LIST -> push(new ArrayList<>());
            case APPEND -> {
                Object v = pop();
                list(peek()).add(v);
            }
            case APPENDS -> {
                List<Object> items = popToMark();
                list(peek()).addAll(items);
            }
            case EMPTY_DICT -> push(new LinkedHashMap<>());
            case SETITEM -> {
                Object v = pop();
                Object k = pop();
                dict(peek()).put(key(k), v);
            }
            case SETITEMS -> {
                List<Object> items = popToMark();
                if (items.size() % 2 != 0) {
                    throw error("malformed: SETITEMS with an odd number of values");
                }
                Map<Object, Object> d = dict(peek());
                for (int i = 0; i < items.size(); i += 2) {
                    d.put(key(items.get(i)), items.get(i + 1));
                }
            }
            case BINGET, LONG_BINGET -> {
                if (!memo.containsKey((Long) arg)) {
                    throw error("malformed: memo entry " + arg + " read before it is written");
                }
                push(memo.get((Long) arg));
            }
            case BINPUT, LONG_BINPUT -> memo.put((Long) arg, peek());
            case MEMOIZE -> memo.put((long) memo.size(), peek());
            case STACK_GLOBAL -> {
                Object name = pop();
                Object module = pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw error("malformed: STACK_GLOBAL needs two strings");
                }
                PickleGlobal g = new PickleGlobal(m, n);
                if (!g.isAllowed()) {
                    throw error(g.refusal());
                }
                push(g);
            }
            case REDUCE -> {
                Object args = pop();
                Object callable = pop();
                push(reduce(callable, args));
            }
            case NEWOBJ -> {
                Object args = pop();
                Object type = pop();
                if (!(type instanceof PickleGlobal g) || !g.isClassifier()) {
                    throw error("refused: NEWOBJ of " + type + " (only a DecisionTreeClassifier is created this way)");
                }
                if (!(args instanceof PyTuple t) || t.size() != 0) {
                    throw error("malformed: DecisionTreeClassifier created with arguments");
                }
                push(new PickledInstance(g));
            }
            case BUILD -> {
                Object state = pop();
                build(peek(), state);
            }
            default -> throw error("opcode " + PickleScanner.name(op.code()) + " not handled");
        }
    }

    private Object reduce(Object callable, Object args) {
        if (!(callable instanceof PickleGlobal g)) {
            throw error("refused: REDUCE calls " + describe(callable) + ", not an allowed global");
        }
        if (!(args instanceof PyTuple t)) {
            throw error("malformed: REDUCE arguments are not a tuple");
        }
        String where = where();
        if (g.equals(PickleGlobal.RECONSTRUCT) || g.equals(PickleGlobal.RECONSTRUCT_NUMPY2)) {
            if (t.size() != 3 || !PickleGlobal.NDARRAY.equals(t.get(0))) {
                throw error("refused: _reconstruct of " + (t.size() > 0 ? describe(t.get(0)) : "nothing")
                        + " (only numpy.ndarray)");
            }
            return NumpyArray.reconstructed();
        }
        if (g.equals(PickleGlobal.DTYPE)) {
            if (t.size() != 3 || !(t.get(0) instanceof String code)) {
                throw error("malformed: numpy dtype arguments");
            }
            return new NumpyDtype(code, where);
        }
        if (g.equals(PickleGlobal.SCALAR) || g.equals(PickleGlobal.SCALAR_NUMPY2)) {
            if (t.size() != 2) {
                throw error("malformed: numpy scalar arguments");
            }
            return NumpyArray.scalar(t.get(0), t.get(1), where);
        }
        if (g.equals(PickleGlobal.FROMBUFFER) || g.equals(PickleGlobal.FROMBUFFER_NUMPY2)) {
            if (t.size() != 4) {
                throw error("malformed: numpy _frombuffer arguments");
            }
            return NumpyArray.fromBuffer(t.get(0), t.get(1), t.get(2), t.get(3), where);
        }
        if (g.equals(PickleGlobal.TREE)) {
            return new PickledTree(t);
        }
        if (g.equals(PickleGlobal.CODECS_ENCODE)) {
            return Latin1Encode.bytes(t, where);
        }
        throw error("refused: REDUCE calls " + g + " (not something a tree pickle calls)");
    }

    private void build(Object target, Object state) {
        String where = where();
        if (target instanceof NumpyArray a) {
            a.setState(state, where);
        } else if (target instanceof NumpyDtype d) {
            d.setState(state, where);
        } else if (target instanceof PickledInstance i) {
            i.state.putAll(stringKeys(state, "DecisionTreeClassifier state"));
        } else if (target instanceof PickledTree t) {
            t.state.putAll(stringKeys(state, "Tree state"));
        } else {
            throw error("refused: BUILD on " + describe(target) + " (state can only be set on a tree, an array or a dtype)");
        }
    }

    private Map<String, Object> stringKeys(Object state, String what) {
        if (!(state instanceof Map<?, ?> m)) {
            throw error("malformed: " + what + " is not a dictionary");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String k)) {
                throw error("malformed: " + what + " has a key that is not a string");
            }
            out.put(k, e.getValue());
        }
        return out;
    }

    /**
     * A dictionary key: None, a bool, a number or a string, as in every dict of a tree pickle
     * (estimator and Tree state, class_weight, a dtype's fields). A tuple key would be hashed
     * through all its items, and a hostile one is nested and shared past any time limit.
     */
    private Object key(Object k) {
        if (!(k == null || k instanceof String || k instanceof Number || k instanceof Boolean)) {
            throw error("refused: " + describe(k) + " as a dictionary key (a tree pickle's keys are strings or numbers)");
        }
        return k;
    }

    /** A value as a message names it: {@code None}, a global's name, {@code 'text'}, {@code a list}, … */
    static String describe(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof PickleGlobal g) {
            return g.toString();
        }
        if (v instanceof PickledInstance i) {
            return "a " + i.type;
        }
        if (v instanceof String) {
            return ValueText.of(v);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return "'" + v + "'";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof Map) {
            return "a dict";
        }
        if (v instanceof PyTuple) {
            return "a tuple";
        }
        if (v instanceof byte[]) {
            return "bytes";
        }
        return v instanceof PickledTree ? "a sklearn.tree._tree.Tree" : "a numpy " + v.getClass().getSimpleName()
                .replace("Numpy", "").toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object v) {
        if (!(v instanceof ArrayList<?>)) {
            throw error("malformed: APPEND to " + describe(v) + ", not a list");
        }
        return (List<Object>) v;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict(Object v) {
        if (!(v instanceof LinkedHashMap<?, ?>)) {
            throw error("malformed: SETITEM on " + describe(v) + ", not a dictionary");
        }
        return (Map<Object, Object>) v;
    }

    private void push(Object v) {
        stack.add(v);
    }

    private Object pop() {
        int floor = marks.isEmpty() ? 0 : marks.peek();
        if (stack.size() <= floor) {
            throw error("malformed: the stack is empty");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        int floor = marks.isEmpty() ? 0 : marks.peek();
        if (stack.size() <= floor) {
            throw error("malformed: the stack is empty");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popToMark() {
        if (marks.isEmpty()) {
            throw error("malformed: no MARK");
        }
        int mark = marks.pop();
        List<Object> tail = new ArrayList<>(stack.subList(mark, stack.size()));
        stack.subList(mark, stack.size()).clear();
        return tail;
    }

    private String where() {
        return file + ": byte " + offset;
    }

    private PickleException error(String what) {
        return new PickleException(where() + ": " + what);
    }
}
