package dev.trollwatch.io.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password lookup in a libpq password file ({@code ~/.pgpass}, or {@code $PGPASSFILE}): lines
 * {@code hostname:port:database:username:password}, {@code *} matching anything in the first four
 * fields, {@code \:} and {@code \\} escapes, {@code #} comments; the first matching line wins. As libpq
 * does, a file readable by group or others is ignored (with a warning).
 */
public final class PgPass {
    private static final Logger LOG = LoggerFactory.getLogger(PgPass.class);
    private static final long MAX_BYTES = 1 << 20;

    private PgPass() {
    }

    /**
     * The password file libpq would use: {@code $PGPASSFILE}, else {@code $HOME/.pgpass}, else the
     * account's home directory. libpq asks {@code $HOME} first; Java's {@code user.home} is the
     * account's entry, which differs under {@code sudo} or a container's user.
     */
    public static Path defaultFile(String pgPassFileEnv, String homeEnv) {
        if (pgPassFileEnv != null && !pgPassFileEnv.isEmpty()) {
            return Path.of(pgPassFileEnv);
        }
        String home = homeEnv != null && !homeEnv.isEmpty() ? homeEnv : System.getProperty("user.home");
        return Path.of(home, ".pgpass");
    }

    /** The password for this endpoint and user, if the file exists, is private and has a matching line. */
    public static Optional<String> lookup(Path file, String host, int port, String database, String user)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty(); // absent, or a FIFO/device that could block forever: libpq skips those too
        }
        if (Files.size(file) > MAX_BYTES) {
            LOG.warn("ignoring password file {}: larger than {} bytes", file, MAX_BYTES);
            return Optional.empty();
        }
        if (!isPrivate(file)) {
            LOG.warn("ignoring password file {}: it is readable by group or others (chmod 600 it)", file);
            return Optional.empty();
        }
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = fields(line);
            if (f.size() < 5) {
                continue;
            }
            if (matches(f.get(0), host) && matches(f.get(1), Integer.toString(port))
                    && matches(f.get(2), database) && matches(f.get(3), user)) {
                return Optional.of(f.get(4));
            }
        }
        return Optional.empty();
    }

    private static boolean isPrivate(Path file) throws IOException {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return !(p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)
                    || p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE));
        } catch (UnsupportedOperationException e) {
            return true; // not a POSIX file system: libpq does not check either
        }
    }

    /** Splits on unescaped ':' into at most 5 fields (the password keeps any further ':'), unescaping. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>(5);
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value == null ? "" : value);
    }
}
