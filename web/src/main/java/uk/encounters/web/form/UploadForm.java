package uk.encounters.web.form;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.HttpPostStandardRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.netty.handler.codec.http.multipart.InterfaceHttpPostRequestDecoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of a form on an upload route (a file, multipart, or a pasted list, URL-encoded), read
 * whole (up to a limit) and decoded here instead of by Vert.x's body handler. Netty's multipart
 * decoder throws on some malformed part headers (an unbalanced quote in a part's name) in a way
 * Vert.x 5.0.10 never answers, so such a request hung; decoded here, any failure of the decoder is
 * a 400.
 *
 * <p>The body is held back ({@link #hold}) until the route's access check has passed, so nobody
 * can make the server read 2 MB for a school or employer not theirs. The fields become the
 * request's form attributes, as with the body handler; the files stay in memory for {@link #file},
 * so nothing is written to disk.
 */
public final class UploadForm {

    /** An upload form has a handful of fields: the file, a text box, a CSRF token, buttons. */
    private static final int MAX_FIELDS = 32;

    private static final String FILES = UploadForm.class.getName() + ".files";
    private static final String FILE_NAMES = UploadForm.class.getName() + ".fileNames";
    private static final String HELD = UploadForm.class.getName() + ".held";
    private static final Logger log = LoggerFactory.getLogger(UploadForm.class);

    /** The most a route's body may hold, by the request's path. */
    private final ToLongFunction<String> limitBytes;

    public UploadForm(ToLongFunction<String> limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** The bytes of the file sent in {@code field}, when one was sent and is not empty. */
    public static Optional<byte[]> file(RoutingContext ctx, String field) {
        Map<String, byte[]> files = ctx.get(FILES);
        return Optional.ofNullable(files == null ? null : files.get(field)).filter(bytes -> bytes.length > 0);
    }

    /** The name the sender's computer gave the file sent in {@code field}, as sent (untrusted text). */
    public static Optional<String> fileName(RoutingContext ctx, String field) {
        Map<String, String> names = ctx.get(FILE_NAMES);
        return Optional.ofNullable(names == null ? null : names.get(field));
    }

    /** What arrived of the body while it was held back: a chunk at most, as each one pauses the request again. */
    private static final class Held {
        final Buffer body = Buffer.buffer();
        boolean ended;
        boolean read;
        Throwable failure;
    }

    /**
     * The request's first step on an upload route, before anything that waits: the body stays
     * unread until {@link #handle}. The session handler resumes a request once it has loaded the
     * session, so pausing is not enough on its own: a chunk that arrives is kept, and the request
     * paused again.
     */
    public static void hold(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Held held = new Held();
        ctx.put(HELD, held);
        request.pause();
        request.handler(chunk -> {
                    held.body.appendBuffer(chunk);
                    request.pause();
                })
                .endHandler(end -> held.ended = true)
                .exceptionHandler(e -> held.failure = e);
        // Answered without reading the body (refused, or too large): the rest of it is never read, so an
        // HTTP/1 connection cannot carry another request; it closes. HTTP/2 forbids that header, and a
        // client there waits to finish sending: the rest of the body is let through and dropped.
        boolean http2 = request.version() == io.vertx.core.http.HttpVersion.HTTP_2;
        ctx.addHeadersEndHandler(v -> {
            if (!held.ended && !held.read && !http2) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            }
        });
        // Vert.x closes a "Connection: close" connection only once the request has ended, which an
        // unread body never does: the client would wait on it. So it is closed here, once answered.
        ctx.addEndHandler(v -> {
            if (!held.ended && !held.read) {
                if (http2) {
                    request.handler(dropped -> {}).resume();
                } else {
                    request.connection().close();
                }
            }
        });
        ctx.next();
    }

    /** After the access check: reads the rest of the body, then decodes it. */
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long limitBytes = this.limitBytes.applyAsLong(request.path());
        Held held = ctx.get(HELD);
        if (held == null) {
            ctx.fail(new IllegalStateException("UploadForm.hold must run before any handler that waits"));
            return;
        }
        if (held.failure != null) {
            ctx.fail(held.failure);
            return;
        }
        if (declaredLength(request) > limitBytes || held.body.length() > limitBytes) {
            ctx.fail(413);
            return;
        }
        String expect = request.getHeader(HttpHeaders.EXPECT);
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                ctx.fail(417);
                return;
            }
            if (request.version() != io.vertx.core.http.HttpVersion.HTTP_1_0) {
                ctx.response().writeContinue();
            }
        }
        held.read = true;
        Buffer body = held.body;
        if (held.ended) {
            decode(ctx, body, limitBytes);
            return;
        }
        boolean[] tooLarge = {false};
        request.handler(chunk -> {
                    if (tooLarge[0]) {
                        return;
                    }
                    if (body.length() + chunk.length() > limitBytes) {
                        tooLarge[0] = true;
                        ctx.fail(413);
                        return;
                    }
                    body.appendBuffer(chunk);
                })
                .exceptionHandler(ctx::fail)
                .endHandler(end -> {
                    if (!tooLarge[0]) {
                        decode(ctx, body, limitBytes);
                    }
                })
                .resume();
    }

    private static void decode(RoutingContext ctx, Buffer body, long limitBytes) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        DefaultHttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/");
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, type == null ? "" : type);
        Map<String, byte[]> files = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        InterfaceHttpPostRequestDecoder decoder = null;
        try {
            if (FormInput.isMultipart(ctx)) {
                decoder = new HttpPostMultipartRequestDecoder(
                        new DefaultHttpDataFactory(false), head, StandardCharsets.UTF_8, MAX_FIELDS, (int) limitBytes);
            } else if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                decoder = new HttpPostStandardRequestDecoder(
                        new DefaultHttpDataFactory(false), head, StandardCharsets.UTF_8, MAX_FIELDS, (int) limitBytes);
            }
            if (decoder != null) {
                decoder.offer(new DefaultLastHttpContent(Unpooled.wrappedBuffer(body.getBytes())));
            }
            for (InterfaceHttpData part : decoder == null ? List.<InterfaceHttpData>of() : decoder.getBodyHttpDatas()) {
                if (part instanceof FileUpload file) {
                    files.putIfAbsent(file.getName(), file.get());
                    names.putIfAbsent(file.getName(), file.getFilename());
                } else if (part instanceof Attribute field) {
                    ctx.request().formAttributes().add(field.getName(), field.getValue());
                }
            }
        } catch (RuntimeException | IOException e) {
            // Netty signals a malformed body with many kinds of unchecked exception, not only its own.
            log.debug("Refused a body that does not decode: {}", e.toString());
            ctx.fail(400);
            return;
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
        }
        ctx.put(FILES, files);
        ctx.put(FILE_NAMES, names);
        // What Vert.x's body handler records; the CSRF handler reads form fields only once it is set.
        RoutingContextInternal internal = (RoutingContextInternal) ctx;
        internal.visitHandler(RoutingContextInternal.BODY_HANDLER);
        internal.setBody(Buffer.buffer());
        ctx.next();
    }

    private static long declaredLength(HttpServerRequest request) {
        try {
            return Long.parseLong(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        } catch (NumberFormatException e) {
            return -1; // absent or unreadable: the read below still stops at the limit
        }
    }
}
