package dev.trollwatch.io.jdbc;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What trollwatch needs to know about a JDBC URL: which driver, where it points, and a loggable form. */
public final class JdbcUrls {
    /** The two database kinds export speaks to, chosen by the URL's prefix. */
    public enum Kind {
        POSTGRESQL("jdbc:postgresql:", 5432),
        REDSHIFT("jdbc:redshift:", 5439);

        private final String prefix;
        private final int defaultPort;

        Kind(String prefix, int defaultPort) {
            this.prefix = prefix;
            this.defaultPort = defaultPort;
        }
    }

    /** Host, port and database named by a URL (first host when several are listed). */
    public record Endpoint(String host, int port, String database) {
    }

    /** One URL property: its separator ('?', '&' or ';'), name and value. */
    private static final Pattern PROPERTY = Pattern.compile("([?&;])([^=&;?]*)=([^&;]*)");
    private static final Pattern USERINFO = Pattern.compile("(//)[^/@?;]*@");
    private static final Pattern HOST_PART = Pattern.compile("^//(\\[[^\\]]*\\]|[^/:,?;]*)(?::(\\d+))?[^/?;]*(?:/([^?;]*))?");

    private JdbcUrls() {
    }

    /** The kind for this URL; IllegalArgumentException for anything but jdbc:postgresql: and jdbc:redshift:. */
    public static Kind kind(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (Kind k : Kind.values()) {
            if (lower.startsWith(k.prefix)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unsupported JDBC URL '" + redact(url)
                + "': expected jdbc:postgresql://HOST[:PORT]/DB or jdbc:redshift://HOST[:PORT]/DB");
    }

    /** True when the URL itself carries a password or other secret (it would then be visible in ps). */
    public static boolean carriesSecret(String url) {
        Matcher m = PROPERTY.matcher(url);
        while (m.find()) {
            if (SecretProperties.isSecret(m.group(2))) {
                return true;
            }
        }
        return USERINFO.matcher(url).find();
    }

    /** The URL without any password, secret key or user-info part: safe to log. */
    public static String redact(String url) {
        String out = USERINFO.matcher(url).replaceAll("$1");
        Matcher m = PROPERTY.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String keep = SecretProperties.isSecret(m.group(2)) ? (m.group(1).equals("?") ? "?" : "") : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(keep));
        }
        m.appendTail(sb);
        return sb.toString().replace("?&", "?").replaceAll("\\?$", "");
    }

    /** Host, port (the kind's default when absent) and database (null when absent). */
    public static Endpoint endpoint(String url) {
        Kind kind = kind(url);
        String rest = url.substring(kind.prefix.length());
        if (rest.regionMatches(true, 0, "iam:", 0, 4)) {
            rest = rest.substring(4); // jdbc:redshift:iam://host:port/db
        }
        Matcher m = HOST_PART.matcher(rest);
        if (!m.find() || m.group(1).isEmpty()) {
            return new Endpoint("localhost", kind.defaultPort, null);
        }
        String host = m.group(1);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = m.group(2) == null ? kind.defaultPort : Integer.parseInt(m.group(2));
        String db = m.group(3) == null || m.group(3).isEmpty() ? null : m.group(3);
        return new Endpoint(host, port, db);
    }

    /** The value of a URL property such as {@code user}, or null. */
    public static String property(String url, String name) {
        Matcher m = Pattern.compile("(?i)[?&;]" + Pattern.quote(name) + "=([^&;]*)").matcher(url);
        return m.find() ? m.group(1) : null;
    }
}
