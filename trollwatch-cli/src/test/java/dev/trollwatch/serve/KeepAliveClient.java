package dev.trollwatch.serve;

import java.io.IOException;
import java.net.Socket;

/**
 * One keep-alive connection reused across requests (a fuzz run sends 100,000 of them; a new
 * connection each would run the client out of ephemeral ports). Reconnects when the server closed
 * the connection, e.g. after a 413 or an idle timeout.
 */
final class KeepAliveClient implements AutoCloseable {
    private final int port;
    private Socket socket;

    KeepAliveClient(int port) {
        this.port = port;
    }

    RawHttp.Answer send(byte[] request) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(request);
        } catch (RawHttp.Hang hang) {
            close();
            throw hang;
        } catch (IOException closedMeanwhile) {
            close();
            if (!reused) {
                throw closedMeanwhile;
            }
            return exchange(request); // the kept connection had been closed by the server: one retry
        }
    }

    private RawHttp.Answer exchange(byte[] request) throws IOException {
        if (socket == null) {
            socket = RawHttp.open(port);
        }
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        RawHttp.Answer a = RawHttp.read(socket.getInputStream(), false);
        if ("close".equalsIgnoreCase(a.header("Connection"))) {
            close();
        }
        return a;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket we are done with
            }
            socket = null;
        }
    }
}
