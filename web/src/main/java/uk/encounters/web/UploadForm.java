package uk.encounters.web;

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
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multipart body of a form that uploads a file, read whole (up to a limit) and decoded here
 * instead of by Vert.x's body handler. Netty's multipart decoder throws on some malformed part
 * headers (an unbalanced quote in a part's name) in a way Vert.x 5.0.10 never answers, so such a
 * request hung; decoded here, any failure of the decoder is a 400.
 *
 * <p>The fields become the request's form attributes, as with the body handler; the files stay in
 * memory for {@link #file}, so nothing is written to disk.
 */
public final class UploadForm {

    /** An upload form has a handful of fields: the file, a text box, a CSRF token, buttons. */
    private static final int MAX_FIELDS = 32;
    private static final String FILES = UploadForm.class.getName() + ".files";
    private static final Logger log = LoggerFactory.getLogger(UploadForm.class);

    private final long limitBytes;

    public UploadForm(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** The bytes of the file sent in {@code field}, when one was sent and is not empty. */
    public static Optional<byte[]> file(RoutingContext ctx, String field) {
        Map<String, byte[]> files = ctx.get(FILES);
        return Optional.ofNullable(files == null ? null : files.get(field)).filter(bytes -> bytes.length > 0);
    }

    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (declaredLength(request) > limitBytes) {
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
        if (request.isEnded()) {
            // as Vert.x's body handler: the body was let through before anyone could read it
            ctx.fail(new IllegalStateException("UploadForm must run before any handler that waits"));
            return;
        }
        Buffer body = Buffer.buffer();
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
        }).exceptionHandler(ctx::fail).endHandler(end -> {
            if (!tooLarge[0]) {
                decode(ctx, body);
            }
        }).resume();
    }

    private void decode(RoutingContext ctx, Buffer body) {
        DefaultHttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/");
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
        Map<String, byte[]> files = new HashMap<>();
        HttpPostMultipartRequestDecoder decoder = null;
        try {
            decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), head,
                    StandardCharsets.UTF_8, MAX_FIELDS, (int) limitBytes);
            decoder.offer(new DefaultLastHttpContent(Unpooled.wrappedBuffer(body.getBytes())));
            for (InterfaceHttpData part : decoder.getBodyHttpDatas()) {
                if (part instanceof FileUpload file) {
                    files.putIfAbsent(file.getName(), file.get());
                } else if (part instanceof Attribute field) {
                    ctx.request().formAttributes().add(field.getName(), field.getValue());
                }
            }
        } catch (RuntimeException | IOException e) {
            // Netty signals a malformed body with many kinds of unchecked exception, not only its own.
            log.debug("Refused a multipart body that does not decode: {}", e.toString());
            ctx.fail(400);
            return;
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
        }
        ctx.put(FILES, files);
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
