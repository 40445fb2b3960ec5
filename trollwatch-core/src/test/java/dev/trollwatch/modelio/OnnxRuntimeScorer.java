package dev.trollwatch.modelio;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.Prediction;
import java.util.Map;

/** Scores feature vectors with the real ONNX Runtime: the independent judge of trollwatch's ONNX files. */
final class OnnxRuntimeScorer implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    OnnxRuntimeScorer(byte[] model) throws OrtException {
        session = env.createSession(model, new OrtSession.SessionOptions());
    }

    Map<String, String> metadata() throws OrtException {
        return session.getMetadata().getCustomMetadata();
    }

    OrtSession session() {
        return session;
    }

    /** One prediction per row, as ONNX Runtime computes them from float inputs. */
    Prediction[] score(double[][] rows) throws OrtException {
        float[][] input = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            input[i] = new float[rows[i].length];
            for (int f = 0; f < rows[i].length; f++) {
                input[i][f] = (float) rows[i][f];
            }
        }
        try (OnnxTensor t = OnnxTensor.createTensor(env, input);
             OrtSession.Result r = session.run(Map.of("features", t))) {
            String[] labels = (String[]) r.get("label").orElseThrow().getValue();
            float[][] probs = (float[][]) r.get("probabilities").orElseThrow().getValue();
            Prediction[] out = new Prediction[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double[] p = new double[probs[i].length];
                for (int c = 0; c < p.length; c++) {
                    p[c] = probs[i][c];
                }
                out[i] = new Prediction(Label.parse(labels[i]), p);
            }
            return out;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
