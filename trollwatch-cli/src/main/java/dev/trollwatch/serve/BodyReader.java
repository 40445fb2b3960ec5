package dev.trollwatch.serve;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body of at most {@code limit} bytes without holding a thread while it is on its
 * way: chunks are taken as they arrive, and when none is there the reader asks to be called back
 * ({@link Request#demand}). Ends with the body or with a {@link BadRequestException} (413 past the
 * limit, 503 when the server's {@link BodyBudget} is spent, 408 when the connection went idle, 400
 * for broken chunked framing, 501 for a transfer coding other than chunked), or with the failure
 * when the connection is gone.
 *
 * <p>Memory follows the bytes that arrived, not the {@code Content-Length} announced: the buffer
 * starts small and doubles, each growth taken from the budget, all of it given back when the
 * request completes.
 */
final class BodyReader implements Runnable {
    /** First buffer: a real comment with 20 recent ones is about 10 KB. */
    static final int INITIAL_BUFFER = 16 * 1024;

    private final Request request;
    private final int limit;
    private final BodyBudget budget;
    private final BiConsumer<byte[], Throwable> done;
    private byte[] buffer;
    private int size;
    /** Bytes of the budget this request holds (guarded by this: the completion may come on another thread). */
    private long held;
    private boolean completed;

    private BodyReader(Request request, int limit, BodyBudget budget, BiConsumer<byte[], Throwable> done) {
        this.request = request;
        this.limit = limit;
        this.budget = budget;
        this.done = done;
        this.buffer = new byte[0];
    }

    /** Starts reading; {@code done} gets (body, null) or (null, failure), exactly once. */
    static void read(Request request, int limit, BodyBudget budget, BiConsumer<byte[], Throwable> done) {
        BadRequestException framing = refusedFraming(request);
        if (framing != null) {
            done.accept(null, framing);
            return;
        }
        long declared = request.getLength();
        if (declared > limit) {
            done.accept(null, tooLarge(limit)); // refused from the header: the body is never read
            return;
        }
        BodyReader reader = new BodyReader(request, limit, budget, done);
        Request.addCompletionListener(request, failure -> reader.release());
        if (!reader.grow((int) Math.min(Math.max(declared, 256), Math.min(INITIAL_BUFFER, limit)))) {
            return;
        }
        reader.run();
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
            if (size + n > buffer.length && !grow((int) Math.min(limit, Math.max(2L * buffer.length, size + n)))) {
                chunk.release();
                return;
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

    /**
     * Jetty decodes {@code chunked} and passes any other transfer coding through as if it were
     * none, so {@code Transfer-Encoding: gzip, chunked} would be read as plain JSON. RFC 9112: a
     * coding the server does not know is a 501; a transfer coding in an HTTP/1.0 request is broken
     * framing (a 400).
     */
    private static BadRequestException refusedFraming(Request request) {
        BadRequestException coded = refusedContentCoding(request);
        if (coded != null) {
            return coded;
        }
        List<String> values = request.getHeaders().getValuesList(HttpHeader.TRANSFER_ENCODING);
        if (values.isEmpty()) {
            return null;
        }
        if (request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_1_0) {
            return BadRequestException.framing("Transfer-Encoding is not allowed in an HTTP/1.0 request");
        }
        for (String value : values) {
            for (String coding : value.split(",")) {
                String name = coding.strip();
                int parameters = name.indexOf(';');
                name = (parameters >= 0 ? name.substring(0, parameters) : name).strip().toLowerCase(Locale.ROOT);
                if (!name.equals("chunked")) {
                    return new BadRequestException(501, null, "unsupported transfer coding \""
                            + JsonResponses.snippet(name, 40) + "\": send the body as it is, or chunked");
                }
            }
        }
        return null;
    }

    /**
     * A compressed body was read as it came: a gzipped one failed as "not valid UTF-8", and one
     * labelled {@code br} but sent plain was answered 200. RFC 9110: a content coding the server
     * does not apply is a 415.
     */
    private static BadRequestException refusedContentCoding(Request request) {
        for (String value : request.getHeaders().getValuesList(HttpHeader.CONTENT_ENCODING)) {
            for (String coding : value.split(",")) {
                String name = coding.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("identity")) {
                    return new BadRequestException(415, null, "unsupported content coding \""
                            + JsonResponses.snippet(name, 40) + "\": send the JSON body uncompressed");
                }
            }
        }
        return null;
    }

    /** Grows the buffer to {@code capacity} bytes, taken from the budget; on refusal ends with a 503. */
    private boolean grow(int capacity) {
        int more = capacity - buffer.length;
        if (!take(more)) {
            done.accept(null, new BadRequestException(503, null, "server busy: request bodies being received"
                    + " hold the server's body memory (" + budget.capacity() + " bytes); retry later"));
            return false;
        }
        buffer = Arrays.copyOf(buffer, capacity);
        return true;
    }

    private synchronized boolean take(int bytes) {
        if (completed || !budget.take(bytes)) {
            return false;
        }
        held += bytes;
        return true;
    }

    /** Gives back all this request held, once; nothing is taken after it. */
    private synchronized void release() {
        completed = true;
        budget.give(held);
        held = 0;
    }

    private static BadRequestException tooLarge(int limit) {
        return new BadRequestException(413, null, "request body exceeds the limit of " + limit + " bytes");
    }

    private static Throwable describe(Throwable failure) {
        if (failure instanceof TimeoutException t && RequestDeadlines.LATE.equals(t.getMessage())) {
            return new BadRequestException(408, null, "the request was not complete within the request timeout");
        }
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
