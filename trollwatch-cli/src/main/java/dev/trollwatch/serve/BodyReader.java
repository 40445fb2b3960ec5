package dev.trollwatch.serve;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body of at most {@code limit} bytes without holding a thread while it is on its
 * way: chunks are taken as they arrive, and when none is there the reader asks to be called back
 * ({@link Request#demand}). Ends with the body or with a {@link BadRequestException} (413 past the
 * limit, 408 when the connection went idle, 400 for broken chunked framing), or with the failure
 * when the connection is gone.
 */
final class BodyReader implements Runnable {
    private final Request request;
    private final int limit;
    private final BiConsumer<byte[], Throwable> done;
    private byte[] buffer;
    private int size;

    private BodyReader(Request request, int limit, BiConsumer<byte[], Throwable> done) {
        this.request = request;
        this.limit = limit;
        this.done = done;
        long declared = request.getLength();
        this.buffer = new byte[(int) Math.max(256, Math.min(declared, limit))];
    }

    /** Starts reading; {@code done} gets (body, null) or (null, failure), exactly once. */
    static void read(Request request, int limit, BiConsumer<byte[], Throwable> done) {
        if (request.getLength() > limit) {
            done.accept(null, tooLarge(limit)); // refused from the header: the body is never read
            return;
        }
        new BodyReader(request, limit, done).run();
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                done.accept(null, describe(chunk.getFailure()));
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            int n = bytes.remaining();
            if (n > limit - size) {
                chunk.release();
                done.accept(null, tooLarge(limit));
                return;
            }
            if (size + n > buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(2L * buffer.length, size + n)));
            }
            bytes.get(buffer, size, n);
            size += n;
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                done.accept(size == buffer.length ? buffer : Arrays.copyOf(buffer, size), null);
                return;
            }
        }
    }

    private static BadRequestException tooLarge(int limit) {
        return new BadRequestException(413, null, "request body exceeds the limit of " + limit + " bytes");
    }

    private static Throwable describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return new BadRequestException(408, null, "the request body stopped arriving (idle timeout)");
        }
        if (failure instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
            return new BadRequestException(http.getCode(), null,
                    "bad request body: " + JsonResponses.snippet(http.getReason(), 200));
        }
        return failure;
    }
}
