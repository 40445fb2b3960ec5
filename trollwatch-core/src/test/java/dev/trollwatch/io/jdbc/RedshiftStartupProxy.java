package dev.trollwatch.io.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only loopback TCP proxy that lets the Amazon Redshift JDBC driver talk to plain PostgreSQL: it
 * answers the driver's SSL/GSS requests with "no", and removes from the startup message the parameters
 * PostgreSQL rejects as unknown settings ({@code driver_version}, {@code os_version},
 * {@code client_protocol_version}, and any other not in {@link #KEPT}). Everything after the startup
 * message is relayed byte for byte. Bounded: at most {@link #MAX_CONNECTIONS} live connections, startup
 * messages up to 10 KB, loopback only.
 */
public final class RedshiftStartupProxy implements AutoCloseable {
    private static final int PROTOCOL_3 = 196608;
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final int MAX_STARTUP = 10_000;
    private static final int MAX_CONNECTIONS = 16;
    /** Startup parameters PostgreSQL understands; the rest are dropped. */
    private static final Set<String> KEPT = Set.of("user", "database", "options", "application_name",
            "client_encoding", "DateStyle", "TimeZone", "extra_float_digits", "replication");

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<String> dropped = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public RedshiftStartupProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), MAX_CONNECTIONS);
        this.acceptor = new Thread(this::acceptLoop, "redshift-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Names of the startup parameters removed so far. */
    public List<String> dropped() {
        return List.copyOf(dropped);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (open.size() >= 2 * MAX_CONNECTIONS) {
                    client.close();
                    continue;
                }
                open.add(client);
                Thread t = new Thread(() -> serve(client), "redshift-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            open.add(upstream);
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream toClient = client.getOutputStream();
            byte[] startup;
            while (true) {
                int len = in.readInt();
                if (len < 8 || len > MAX_STARTUP) {
                    return;
                }
                byte[] body = new byte[len - 4];
                in.readFully(body);
                int code = ByteBuffer.wrap(body).getInt();
                if (code == SSL_REQUEST || code == GSS_REQUEST) {
                    toClient.write('N');
                    toClient.flush();
                    continue;
                }
                if (code != PROTOCOL_3) {
                    return;
                }
                startup = rewrite(body);
                break;
            }
            OutputStream toServer = upstream.getOutputStream();
            toServer.write(startup);
            toServer.flush();
            Thread back = new Thread(() -> pump(sneaky(upstream), toClient), "redshift-proxy-back");
            back.setDaemon(true);
            back.start();
            pump(in, toServer);
            back.join();
        } catch (IOException | InterruptedException e) {
            // the connection ends; the driver sees the close
        } finally {
            open.remove(client);
        }
    }

    private static InputStream sneaky(Socket s) {
        try {
            return s.getInputStream();
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    private byte[] rewrite(byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = 4;
        while (i < body.length && body[i] != 0) {
            int k = i;
            while (body[k] != 0) {
                k++;
            }
            int v = k + 1;
            int e = v;
            while (body[e] != 0) {
                e++;
            }
            params.put(new String(body, i, k - i, StandardCharsets.UTF_8), new String(body, v, e - v, StandardCharsets.UTF_8));
            i = e + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (!KEPT.contains(p.getKey())) {
                dropped.add(p.getKey());
                continue;
            }
            out.writeBytes(p.getKey().getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.writeBytes(p.getValue().getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        out.write(0);
        byte[] payload = out.toByteArray();
        ByteBuffer msg = ByteBuffer.allocate(8 + payload.length);
        msg.putInt(8 + payload.length).putInt(PROTOCOL_3).put(payload);
        return msg.array();
    }

    private static void pump(InputStream from, OutputStream to) {
        byte[] buf = new byte[1 << 16];
        try {
            for (int n; (n = from.read(buf)) > 0; ) {
                to.write(buf, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // either side closed
        } finally {
            try {
                to.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : new ArrayList<>(open)) {
            s.close();
        }
    }
}
