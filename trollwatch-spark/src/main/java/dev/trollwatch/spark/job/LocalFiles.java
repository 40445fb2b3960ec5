package dev.trollwatch.spark.job;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** The file on this machine a Hadoop path names, when its file system is the local one (not hdfs://, s3a://). */
public final class LocalFiles {
    private LocalFiles() {
    }

    public static Optional<java.nio.file.Path> of(Configuration conf, Path path) throws IOException {
        return "file".equals(path.getFileSystem(conf).getUri().getScheme())
                ? Optional.of(java.nio.file.Path.of(path.toUri().getPath())) : Optional.empty();
    }
}
