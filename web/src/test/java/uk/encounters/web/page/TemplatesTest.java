package uk.encounters.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.web.Blocking;

class TemplatesTest {

    static final int REQUESTS = 3;

    public record GatePage(Gate gate) {}

    public record StatusPage(RequestStatus request, BookingStatus booking) {}

    public record SamplePage(String name) {
        public String shout() {
            return name.toUpperCase(java.util.Locale.UK);
        }
    }

    /** A value the template reads; reading it waits until every request's render is reading it too. */
    public record Gate(CyclicBarrier barrier) {

        public String passed() throws Exception {
            barrier.await(10, TimeUnit.SECONDS);
            return "passed";
        }
    }

    /**
     * Each render waits at a gate until all three are rendering at once. Renders made on the
     * verticle's virtual thread would run one after another, and the gate would never open.
     */
    @Test
    void pagesRenderAtTheSameTimeInsteadOfOneAfterAnother() throws Exception {
        Gate gate = new Gate(new CyclicBarrier(REQUESTS));
        Vertx vertx = Vertx.vertx();
        try {
            int port =
                    serve(vertx, (templates, ctx) -> templates.render(ctx, "testing/gate", "Gate", new GatePage(gate)));
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, REQUESTS)
                    .mapToObj(i -> http.sendAsync(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port))
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();

            for (var response : responses) {
                assertThat(response.get(30, TimeUnit.SECONDS).body()).contains("<p>passed</p>");
            }
        } finally {
            vertx.close().await();
        }
    }

    /**
     * What a page shows comes from three places: the record's components, its other methods, and
     * the form's values (read inside a partial, within the frame every page is rendered in).
     */
    @Test
    void aStatusPrintsItsPlainWordsAndACountItsNounInTheRightNumber() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            int port = serve(
                    vertx,
                    (templates, ctx) -> templates.render(
                            ctx,
                            "testing/statuses",
                            "Statuses",
                            new StatusPage(RequestStatus.OPEN, BookingStatus.NO_SHOW)));
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(page.body())
                    .contains("<p>open; employer did not come</p>")
                    .contains("<p>1 booking; 2 bookings; 1,200 children</p>");
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void aPageRecordItsMethodsAndTheFormsValuesAllReachTheTemplate() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            int port = serve(
                    vertx,
                    (templates, ctx) -> templates.render(
                            ctx,
                            422,
                            "testing/page",
                            "Sample",
                            new SamplePage("ada"),
                            uk.encounters.web.form.Form.withValues(Map.of("from", "Derby"))));
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(422);
            assertThat(page.body()).contains("<main>Sample: <p>ada, ADA, Derby, <input value=\"Derby\"></p></main>");
        } finally {
            vertx.close().await();
        }
    }

    private interface Page {
        void render(Templates templates, io.vertx.ext.web.RoutingContext ctx);
    }

    /** Serves {@code page} at / on a virtual-thread verticle, as the app does; returns the port. */
    private static int serve(Vertx vertx, Page page) {
        var server = new VerticleBase() {
            int port;

            @Override
            public Future<?> start() {
                Templates templates = new Templates("Test", null, new Blocking(vertx));
                Router router = Router.router(vertx);
                router.get("/").handler(ctx -> page.render(templates, ctx));
                return vertx.createHttpServer().requestHandler(router).listen(0).onSuccess(s -> port = s.actualPort());
            }
        };
        vertx.deployVerticle(server, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD))
                .await();
        return server.port;
    }
}
