package uk.encounters.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.web.health.HealthRoutes;
import uk.encounters.web.home.HomeRoutes;

/**
 * The HTTP server. Deploy it with {@code ThreadingModel.VIRTUAL_THREAD}: handlers are plain
 * sequential code, and every database call goes through {@link Blocking}, never the event loop.
 */
public final class WebServer extends VerticleBase {

    public static final String PRODUCT_NAME = "Employer Encounters";

    private final Database database;
    private final Clock clock;
    private final int port;
    private HttpServer server;

    public WebServer(Database database, Clock clock, int port) {
        this.database = database;
        this.clock = clock;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        Blocking blocking = new Blocking(vertx);
        Templates templates = new Templates(PRODUCT_NAME);
        HomeRoutes home = new HomeRoutes(new HubRepository(database.dsl()), blocking, templates, clock);
        HealthRoutes health = new HealthRoutes(database, blocking);
        ErrorPages errors = new ErrorPages(templates);

        Router router = Router.router(vertx);
        router.get("/").handler(home::showHome);
        router.get("/health").handler(health::showHealth);
        router.get("/ready").handler(health::showReadiness);
        router.get("/static/*").handler(StaticHandler.create("webroot").setMaxAgeSeconds(3600));
        router.route().last().handler(errors::notFound);
        router.route().failureHandler(errors::showFailure);

        return vertx.createHttpServer()
                .requestHandler(router)
                .listen(port)
                .onSuccess(s -> server = s);
    }

    /** The port it listens on: the configured one, or the one the system chose for port 0. */
    public int actualPort() {
        return server.actualPort();
    }
}
