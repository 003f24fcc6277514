package uk.encounters.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockingTest {

    static final int REQUESTS = 4;

    /**
     * Each request blocks until all four are blocking at once. If blocking calls queued behind
     * each other (as direct calls on a virtual-thread verticle do), the barrier would never trip.
     */
    @Test
    void concurrentRequestsOverlapTheirBlockingCallsInsteadOfQueueing() throws Exception {
        CyclicBarrier allBlockingAtOnce = new CyclicBarrier(REQUESTS);
        Vertx vertx = Vertx.vertx();
        try {
            var server = new VerticleBase() {
                int port;

                @Override
                public Future<?> start() {
                    Blocking blocking = new Blocking(vertx);
                    return vertx.createHttpServer()
                            .requestHandler(request -> {
                                String answer = blocking.call(() -> {
                                    allBlockingAtOnce.await(10, TimeUnit.SECONDS);
                                    return "overlapped";
                                });
                                request.response().end(answer);
                            })
                            .listen(0)
                            .onSuccess(s -> port = s.actualPort());
                }
            };
            vertx.deployVerticle(server, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD))
                    .await();

            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, REQUESTS)
                    .mapToObj(i -> http.sendAsync(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + server.port))
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();

            for (var response : responses) {
                assertThat(response.get(20, TimeUnit.SECONDS).body()).isEqualTo("overlapped");
            }
        } finally {
            vertx.close().await();
        }
    }
}
