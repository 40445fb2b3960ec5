package dev.trollwatch.spark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;

/**
 * The rows of a task's files, one file open at a time: each is closed when read through, or when
 * the task ends (a failed or cancelled task leaves no open stream behind).
 *
 * @param <S> an open file's row source
 * @param <T> what a row becomes
 */
abstract class FileByFile<S extends AutoCloseable, T> implements Iterator<T> {
    private final Iterator<String> files;
    private S source;
    private String file;

    FileByFile(Iterator<String> files) {
        this.files = files;
    }

    /** Opens {@code file} (its full path). */
    protected abstract S open(String file) throws IOException;

    protected abstract boolean hasMore(S source);

    /** The next row of {@code source}, which reads {@code file}. */
    protected abstract T next(S source, String file);

    /** Called when a file has been read through, before it is closed. */
    protected void finished(S source) {
    }

    @Override
    public final boolean hasNext() {
        while (source == null || !hasMore(source)) {
            if (source != null) {
                finished(source);
                close(source);
                source = null;
            }
            if (!files.hasNext()) {
                return false;
            }
            String name = files.next();
            try {
                source = open(name);
            } catch (IOException e) {
                throw new UncheckedIOException(name + ": " + e.getMessage(), e);
            }
            file = name;
            S opened = source;
            TaskContext task = TaskContext.get();
            if (task != null) {
                task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> close(opened));
            }
        }
        return true;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return next(source, file);
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
