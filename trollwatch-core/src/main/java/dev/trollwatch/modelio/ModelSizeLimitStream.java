package dev.trollwatch.modelio;

import dev.trollwatch.model.DecisionTree;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Passes a model file's bytes through until {@link ModelFiles#MAX_MODEL_BYTES}, then stops the save:
 * a model larger than trollwatch loads is refused while it is written, not after every command
 * that reads it fails. The failure is an {@link IOException} so that serialisers pass it through
 * unwrapped; {@link ModelFiles#saveAll} reports it as the model's problem, not the disk's.
 */
final class ModelSizeLimitStream extends FilterOutputStream {
    private final Path destination;
    private final DecisionTree tree;
    private long written;

    ModelSizeLimitStream(OutputStream out, Path destination, DecisionTree tree) {
        super(out);
        this.destination = destination;
        this.tree = tree;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        count(len);
        out.write(b, off, len);
    }

    private void count(int n) throws TooLarge {
        written += n;
        if (written > ModelFiles.MAX_MODEL_BYTES) {
            throw new TooLarge(destination + ": a tree of " + FlatTree.flatten(tree).size() + " nodes makes a model file over "
                    + (ModelFiles.MAX_MODEL_BYTES >> 20) + " MiB, more than trollwatch loads; it needs a smaller tree"
                    + " (train: --max-depth, --min-leaf, pruning)");
        }
    }

    /** The model file would be larger than any loader accepts. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }
}
