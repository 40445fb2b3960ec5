package dev.trollwatch.spark.job;

import dev.trollwatch.TrollwatchException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files an {@code --in} names: a file, a directory (searched recursively) or a glob, on any
 * file system Hadoop knows (local, HDFS, S3). Names starting with {@code _} or {@code .}
 * ({@code _SUCCESS}, {@code .crc}) are skipped, as Spark does. Sorted by path, which fixes the
 * input order that de-duplication ("first occurrence wins") refers to.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** The data files, fully qualified, in path order; fails when there is none. */
    public static List<String> list(Configuration conf, String in) throws IOException {
        Path path = new Path(in);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
            throw new TrollwatchException("no such file or directory: " + in);
        }
        List<String> files = new ArrayList<>();
        for (FileStatus m : matches) {
            if (m.isDirectory()) {
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
                while (it.hasNext()) {
                    LocatedFileStatus f = it.next();
                    if (isData(f.getPath())) {
                        files.add(f.getPath().toString());
                    }
                }
            } else if (isData(m.getPath())) {
                files.add(fs.makeQualified(m.getPath()).toString());
            }
        }
        if (files.isEmpty()) {
            throw new TrollwatchException(in + ": no data files (names starting with _ or . are skipped)");
        }
        files.sort(null);
        return List.copyOf(files);
    }

    /** True for a Parquet file ({@code .parquet}, as Redshift UNLOAD and Spark name them). */
    public static boolean isParquet(String file) {
        String n = file.toLowerCase(Locale.ROOT);
        return n.endsWith(".parquet") || n.endsWith(".parq");
    }

    private static boolean isData(Path p) {
        String n = p.getName();
        return !n.startsWith("_") && !n.startsWith(".");
    }
}
