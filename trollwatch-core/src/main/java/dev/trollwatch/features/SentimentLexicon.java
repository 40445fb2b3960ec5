package dev.trollwatch.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads pattern's {@code en-sentiment.xml} into the word table TextBlob's analyzer uses, with
 * the same averaging and the same load-time additions, so that every looked-up value is
 * bit-for-bit what pattern computes:
 * <ol>
 *   <li>a word's senses are averaged per part-of-speech tag (polarity, subjectivity,
 *       intensity separately), then those per-tag averages are averaged over the tags in
 *       document order; TextBlob looks words up without a tag, so only this overall average
 *       is ever used;</li>
 *   <li>every adjective (tag {@code JJ}) adds an adverb with its per-JJ scores: "terrible" →
 *       "terribly", "happy" → "happily", "good" → "goodly". The adverb's scores replace the
 *       overall average when that word already exists, and a later adjective that derives the
 *       same adverb wins;</li>
 *   <li>a word is a modifier (it scales the next word: "very good") when it has an {@code RB}
 *       tag, its own or a derived one.</li>
 * </ol>
 */
final class SentimentLexicon {

    /** What the analyzer needs of one word. */
    record Entry(double polarity, double subjectivity, double intensity, boolean modifier) {
    }

    private static final String ADJECTIVE = "JJ";
    private static final String ADVERB = "RB";

    private SentimentLexicon() {
    }

    /** Loads the lexicon bundled next to this class. */
    static Map<String, Entry> loadBundled() {
        String resource = "en-sentiment.xml";
        try (InputStream in = SentimentLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sentiment lexicon resource missing: " + resource);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentiment lexicon " + resource, e);
        }
    }

    /** Parses a pattern sentiment XML document; the stream is not closed. */
    static Map<String, Entry> load(InputStream xml) {
        // word form -> tag (null when the element has no pos attribute) -> senses (p, s, i)
        Map<String, Map<String, List<double[]>>> senses = readSenses(xml);

        // Per word: tag -> averaged (p, s, i); the null tag holds the average over all tags.
        Map<String, Map<String, double[]>> words = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<double[]>>> word : senses.entrySet()) {
            Map<String, double[]> byTag = new LinkedHashMap<>();
            word.getValue().forEach((tag, list) -> byTag.put(tag, average(list)));
            byTag.put(null, average(new ArrayList<>(byTag.values())));
            words.put(word.getKey(), byTag);
        }

        // Derived -ly adverbs, in document order of the adjectives (later ones overwrite).
        List<Map.Entry<String, Map<String, double[]>>> snapshot = new ArrayList<>(words.entrySet());
        for (Map.Entry<String, Map<String, double[]>> word : snapshot) {
            double[] adjective = word.getValue().get(ADJECTIVE);
            if (adjective != null) {
                Map<String, double[]> adverb = words.computeIfAbsent(adverbOf(word.getKey()), k -> new LinkedHashMap<>());
                adverb.put(ADVERB, adjective);
                adverb.put(null, adjective);
            }
        }

        Map<String, Entry> table = new HashMap<>(words.size() * 2);
        words.forEach((form, byTag) -> {
            double[] psi = byTag.get(null);
            table.put(form, new Entry(psi[0], psi[1], psi[2], byTag.containsKey(ADVERB)));
        });
        return Map.copyOf(table);
    }

    /** pattern's rule: "happy" → "happily", "terrible" → "terribly", "bad" → "badly". */
    static String adverbOf(String adjective) {
        String stem = adjective;
        if (stem.endsWith("y")) {
            stem = stem.substring(0, stem.length() - 1) + "i";
        }
        if (stem.endsWith("le")) {
            stem = stem.substring(0, stem.length() - 2);
        }
        return stem + "ly";
    }

    private static Map<String, Map<String, List<double[]>>> readSenses(InputStream xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // No DTDs, no external entities: the file is data, never a fetch instruction.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Map<String, Map<String, List<double[]>>> senses = new LinkedHashMap<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(xml);
            try {
                int depth = 0;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        // Like ElementTree's root.findall("word"): direct children of the root only.
                        if (depth == 2 && "word".equals(reader.getLocalName())) {
                            addSense(reader, senses);
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("malformed sentiment lexicon: " + e.getMessage(), e);
        }
        return senses;
    }

    private static void addSense(XMLStreamReader word, Map<String, Map<String, List<double[]>>> senses) {
        String form = word.getAttributeValue(null, "form");
        if (form == null || form.isEmpty()) {
            return;
        }
        String tag = word.getAttributeValue(null, "pos");
        double[] psi = {
                number(word, "polarity", 0.0),
                number(word, "subjectivity", 0.0),
                number(word, "intensity", 1.0)};
        senses.computeIfAbsent(form, k -> new LinkedHashMap<>())
                .computeIfAbsent(tag, k -> new ArrayList<>())
                .add(psi);
    }

    private static double number(XMLStreamReader word, String attribute, double absent) {
        String value = word.getAttributeValue(null, attribute);
        return value == null ? absent : Double.parseDouble(value.strip());
    }

    /** Component-wise mean, summed left to right like Python's sum(). */
    private static double[] average(List<double[]> rows) {
        double[] mean = new double[3];
        for (int k = 0; k < 3; k++) {
            double sum = 0.0;
            for (double[] row : rows) {
                sum += row[k];
            }
            mean[k] = sum / rows.size();
        }
        return mean;
    }
}
