package dev.trollwatch.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence pattern such as {@code "{topic} is {int}{pos}."}, parsed once into literal text and
 * slots so that filling it costs no regex or string scanning per row.
 */
final class Template {
    /** The kinds of slot a template can hold; {@link BodyComposer} decides what goes in each. */
    enum Slot {
        TOPIC, TOPIC2, POS, NEG, ADJ, INT, EMOJI, PERSON, RELATIVE, TIME, NUM, YEAR, SUB, USER, CODE, UNIT, SITE, PLACE,
        INSULT, GROUP, VERB, NEUTRAL
    }

    private final String[] literals;
    private final Slot[] slots;

    private Template(String[] literals, Slot[] slots) {
        this.literals = literals;
        this.slots = slots;
    }

    static Template parse(String pattern) {
        List<String> literals = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        int pos = 0;
        while (true) {
            int open = pattern.indexOf('{', pos);
            if (open < 0) {
                literals.add(pattern.substring(pos));
                break;
            }
            int close = pattern.indexOf('}', open);
            literals.add(pattern.substring(pos, open));
            slots.add(Slot.valueOf(pattern.substring(open + 1, close).toUpperCase(java.util.Locale.ROOT)));
            pos = close + 1;
        }
        return new Template(literals.toArray(String[]::new), slots.toArray(Slot[]::new));
    }

    static Template[] parseAll(String... patterns) {
        Template[] out = new Template[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            out[i] = parse(patterns[i]);
        }
        return out;
    }

    /** Appends the template with each slot filled by {@code filler}. */
    void fill(StringBuilder out, SlotFiller filler) {
        for (int i = 0; i < slots.length; i++) {
            out.append(literals[i]);
            filler.fill(out, slots[i]);
        }
        out.append(literals[slots.length]);
    }

    /** Appends the text for one slot. */
    @FunctionalInterface
    interface SlotFiller {
        void fill(StringBuilder out, Slot slot);
    }
}
