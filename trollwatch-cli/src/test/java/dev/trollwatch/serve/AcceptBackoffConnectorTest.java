package dev.trollwatch.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/** A failed accept on a running connector: retried when it may pass, given up when the channel is closed. */
class AcceptBackoffConnectorTest {

    @Test
    void aClosedChannelEndsTheAcceptorAndOtherFailuresAreRetried() throws Exception {
        Server server = new Server();
        AcceptBackoffConnector connector = new AcceptBackoffConnector(server, new HttpConnectionFactory());
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.start();
        try {
            // Seen at SIGTERM: the graceful stop closes the channel while the connector still runs,
            // and the acceptor warned "cannot accept connections (null …), retrying".
            assertFalse(connector.handleAcceptFailure(new AsynchronousCloseException()));
            assertFalse(connector.handleAcceptFailure(new ClosedChannelException()));
            assertTrue(connector.handleAcceptFailure(new SocketException("Too many open files")),
                    "out of descriptors: retried after a pause");
            assertTrue(connector.handleAcceptFailure(new IOException("transient")));
        } finally {
            server.stop();
        }
    }
}
