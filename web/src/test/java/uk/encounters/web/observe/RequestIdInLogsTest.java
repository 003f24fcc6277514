package uk.encounters.web.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.encounters.web.Blocking;
import uk.encounters.web.security.Routes;

/**
 * Requests handled at the same time on virtual threads, each with an asynchronous body read and
 * session load between its handlers (as the app's are), a pause on {@code Future.await}, and a
 * line logged inside {@link Blocking#call} while all of them are inside at once: every line carries
 * its own request's id, never another's, and nothing is left behind on the threads afterwards.
 */
class RequestIdInLogsTest {

    static final int REQUESTS = 6;
    static final int BODY_BYTES = 200_000;
    private static final Logger log = LoggerFactory.getLogger(RequestIdInLogsTest.class);

    @Test
    void everyLineOfConcurrentRequestsCarriesItsOwnRequestsId() throws Exception {
        CyclicBarrier allInsideAtOnce = new CyclicBarrier(REQUESTS);
        Vertx vertx = Vertx.vertx();
        try (LogCapture logs = new LogCapture()) {
            var server = new VerticleBase() {
                int port;

                @Override
                public Future<?> start() {
                    Blocking blocking = new Blocking(vertx);
                    Router router = Router.router(vertx);
                    router.route().handler(new RequestId(false)::assign);
                    router.route().handler(new AccessLog()::begin);
                    router.route().handler(BodyHandler.create(false));
                    router.route().handler(SessionHandler.create(LocalSessionStore.create(vertx)));
                    new Routes(router, null, blocking, List.of()).anyone().post("/work/:n", ctx -> {
                        String n = ctx.pathParam("n");
                        log.info("before the query of {}", n);
                        blocking.call(() -> {
                            log.info("inside the query of {}", n);
                            // all six at once: on a loaded two-core machine the last may take seconds to arrive
                            allInsideAtOnce.await(30, TimeUnit.SECONDS);
                            return null;
                        });
                        Future.await(vertx.timer(5));
                        log.info("after the query of {}", n);
                        ctx.end(n);
                    });
                    return vertx.createHttpServer(new HttpServerOptions().setMaxFormAttributeSize(BODY_BYTES * 2))
                            .requestHandler(router)
                            .listen(0)
                            .onSuccess(s -> port = s.actualPort());
                }

                void logLater() {
                    context.runOnContext(v -> log.info("between requests"));
                }
            };
            vertx.deployVerticle(server, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD))
                    .await();

            HttpClient http = HttpClient.newHttpClient();
            String body = "notes=" + "x".repeat(BODY_BYTES); // read in many chunks
            List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, REQUESTS)
                    .mapToObj(n -> http.sendAsync(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + server.port + "/work/" + n))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .timeout(Duration.ofSeconds(60))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();

            Set<String> ids = new HashSet<>();
            for (int n = 0; n < REQUESTS; n++) {
                HttpResponse<String> response = responses.get(n).get(60, TimeUnit.SECONDS);
                assertThat(response.body()).isEqualTo(String.valueOf(n));
                String id = response.headers().firstValue(RequestId.HEADER).orElseThrow();
                ids.add(id);
                String ofRequest = " of " + n;
                List<ILoggingEvent> lines =
                        logs.events(e -> e.getFormattedMessage().endsWith(ofRequest));
                assertThat(lines)
                        .extracting(ILoggingEvent::getFormattedMessage)
                        .containsExactlyInAnyOrder(
                                "before the query" + ofRequest,
                                "inside the query" + ofRequest,
                                "after the query" + ofRequest);
                assertThat(lines).extracting(LogCapture::requestIdOf).containsOnly(id);
                assertThat(LogCapture.valueOf(RequestIdTest.accessLine(logs, id), "path"))
                        .isEqualTo("/work/" + n);
            }
            assertThat(ids).hasSize(REQUESTS);

            server.logLater();
            assertThat(awaitLine(logs, "between requests"))
                    .extracting(LogCapture::requestIdOf)
                    .as("no request's id is left on the context's threads")
                    .isNull();
        } finally {
            vertx.close().await();
        }
    }

    private static ILoggingEvent awaitLine(LogCapture logs, String message) throws InterruptedException {
        for (int i = 0; i < 250; i++) {
            List<ILoggingEvent> lines = logs.events(e -> e.getFormattedMessage().equals(message));
            if (!lines.isEmpty()) {
                return lines.getFirst();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("'" + message + "' was never logged");
    }
}
