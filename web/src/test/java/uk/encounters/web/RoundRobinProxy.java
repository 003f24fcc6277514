package uk.encounters.web;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer as simple as they come: each HTTP request goes to the next app instance in turn
 * (no sticky sessions), with the headers a reverse proxy adds (the client's address appended to
 * X-Forwarded-For, X-Forwarded-Proto and -Host). Every response says which instance answered in
 * {@link #INSTANCE_HEADER}, so a test can see its requests spread.
 */
public final class RoundRobinProxy implements AutoCloseable {

    /** Response header naming the instance (its index in the list given to start) that answered. */
    public static final String INSTANCE_HEADER = "X-Test-Instance";

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "content-length",
            "host");

    private final Vertx vertx;
    private final List<Integer> ports;
    private final HttpClient client;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Integer> answeredBy = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private RoundRobinProxy(Vertx vertx, List<Integer> ports) {
        this.vertx = vertx;
        this.ports = List.copyOf(ports);
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000));
    }

    /** A proxy on a free port of 127.0.0.1 in front of the app instances listening on these ports. */
    public static RoundRobinProxy start(List<Integer> ports) {
        RoundRobinProxy proxy = new RoundRobinProxy(Vertx.vertx(), ports);
        proxy.server = proxy.vertx
                .createHttpServer()
                .requestHandler(proxy::forward)
                .listen(0, "127.0.0.1")
                .await();
        return proxy;
    }

    public String url(String path) {
        return "http://localhost:" + server.actualPort() + path;
    }

    /** Which instance answered each request so far, in order. */
    public List<Integer> answeredBy() {
        return List.copyOf(answeredBy);
    }

    private void forward(HttpServerRequest in) {
        int instance = Math.floorMod(next.getAndIncrement(), ports.size());
        MultiMap headers = withoutHopByHop(in.headers());
        String peer = in.remoteAddress().host();
        String forwardedFor = in.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwardedFor == null ? peer : forwardedFor + ", " + peer);
        headers.set("X-Forwarded-Proto", "http");
        headers.set("X-Forwarded-Host", in.authority().toString());
        in.body()
                .compose(body -> client.request(new RequestOptions()
                                .setMethod(in.method())
                                .setHost("127.0.0.1")
                                .setPort(ports.get(instance))
                                .setURI(in.uri())
                                .setHeaders(headers))
                        .compose(out -> out.send(body)))
                .compose(upstream -> upstream.body().map(body -> {
                    answeredBy.add(instance);
                    in.response().setStatusCode(upstream.statusCode()).setStatusMessage(upstream.statusMessage());
                    in.response().headers().addAll(withoutHopByHop(upstream.headers()));
                    in.response()
                            .putHeader(INSTANCE_HEADER, String.valueOf(instance))
                            .end(body);
                    return null;
                }))
                .onFailure(failure -> in.response().setStatusCode(502).end("Bad gateway: " + failure));
    }

    private static MultiMap withoutHopByHop(MultiMap headers) {
        MultiMap copy = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                copy.add(h.getKey(), h.getValue());
            }
        });
        return copy;
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
