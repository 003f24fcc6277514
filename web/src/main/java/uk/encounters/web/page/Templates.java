package uk.encounters.web.page;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.ValueResolver;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.context.MethodValueResolver;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.encounters.matcher.explain.DateStyle;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.security.CurrentUser;

/**
 * Renders templates/&lt;feature&gt;/&lt;view&gt;.hbs inside templates/layout.hbs. Values are escaped by
 * default; records are read through their accessors.
 *
 * <p>We use Handlebars.java directly rather than Vert.x's Handlebars engine: that engine keeps one
 * mutable loader prefix for all renders, so partials resolve relative to whichever folder was
 * compiled last, and concurrent first renders race on it.
 */
public final class Templates {

    private final Handlebars handlebars = new Handlebars(new ClassPathTemplateLoader("/templates", ".hbs"))
            .with(new ConcurrentMapTemplateCache())
            .with(new HtmlEscaping())
            .prettyPrint(false)
            // {{count n}}: 19,379 rather than 19379
            .registerHelper("count", (Number n, Options options) -> String.format(Locale.UK, "%,d", n.longValue()))
            // {{counted n "booking"}}: "1 booking", "2 bookings"; a third word for another plural ("child" "children")
            .registerHelper(
                    "counted",
                    (Number n, Options options) -> String.format(Locale.UK, "%,d", n.longValue()) + " "
                            + (n.longValue() == 1 ? options.param(0) : options.param(1, options.param(0) + "s")))
            // {{date d}}: the one date style, "Tue 8 Dec 2026"
            .registerHelper("date", (LocalDate d, Options options) -> DateStyle.of(d))
            // {{dateTime t}}: a moment as the clocks in England show it, "Tue 8 Dec 2026 at 11:05"
            .registerHelper("dateTime", (Object t, Options options) -> switch (t) {
                case null -> "";
                case java.time.OffsetDateTime o -> DateStyle.of(o);
                case java.time.Instant i -> DateStyle.of(i);
                default -> throw new IllegalArgumentException("Not a moment: " + t.getClass());
            });
    /** Where Vert.x's CSRF handler leaves the token for the page's forms. */
    private static final String CSRF_TOKEN = "X-XSRF-TOKEN";

    private static final Logger log = LoggerFactory.getLogger(Templates.class);

    /**
     * Records are read through their accessors, maps by key only: asked for {@code values} in a
     * partial, the method resolver would otherwise answer with {@code Map.values()} of the
     * partial's own (empty) hash before the lookup reaches the form's values around the page.
     */
    private static final ValueResolver[] RESOLVERS = ValueResolver.defaultValueResolvers().stream()
            .map(r -> r instanceof MethodValueResolver ? new NotOnMaps(r) : r)
            .toArray(ValueResolver[]::new);

    private final String productName;
    private final SessionHandler sessions;
    private final Blocking blocking;

    public Templates(String productName, SessionHandler sessions, Blocking blocking) {
        this.productName = productName;
        this.sessions = sessions;
        this.blocking = blocking;
    }

    /**
     * Renders a page and ends the response with it. {@code page} is the page's own record (the
     * templates read its accessors); {@code form} is the state of the form on it, if any: what was
     * typed ({@code values}) and what is wrong ({@code fieldErrors}, and {@code errors} in order).
     */
    public void render(RoutingContext ctx, int status, String view, String title, Record page, Form form) {
        Map<String, Object> around = new HashMap<>(form.model());
        // as GOV.UK's pages do: a screen reader hears that the form came back with problems first
        around.put("title", form.hasErrors() ? "Error: " + title : title);
        around.put("productName", productName);
        around.put("account", CurrentUser.of(ctx));
        around.put(
                "navigation",
                RoleNavigation.of(CurrentUser.of(ctx), ctx.request().path()));
        around.put("csrfToken", ctx.get(CSRF_TOKEN));
        around.put("flash", Flash.take(ctx));
        send(ctx, status, view, page, around);
    }

    public void render(RoutingContext ctx, int status, String view, String title, Record page) {
        render(ctx, status, view, title, page, Form.blank());
    }

    /** Nothing on the page but its title and the ways to ask for a new link. */
    public record LinkExpiredPage() {}

    /**
     * As for every emailed link (sign-in, reply, contact preferences) and secret address: a wrong,
     * used or stale secret says so with 410, and names nothing.
     */
    public void linkExpired(RoutingContext ctx) {
        linkExpired(ctx, "This link has expired or been used");
    }

    public void linkExpired(RoutingContext ctx, String title) {
        render(ctx, 410, "account/link-expired", title, new LinkExpiredPage());
    }

    public void render(RoutingContext ctx, String view, String title, Record page) {
        render(ctx, 200, view, title, page, Form.blank());
    }

    /** {@code page}'s own values come first; {@code around} holds the layout's and the form's. */
    private void send(RoutingContext ctx, int status, String view, Record page, Map<String, Object> around) {
        // A 503 means the database is away: there is nowhere to keep the session.
        if (status >= 400 && status != 503) {
            keepSession(ctx);
        }
        // Rendered on the worker pool: on the verticle's virtual thread it would hold up every other
        // request until done (a round review of 300 bookings is 800 KB of HTML).
        String html = Thread.currentThread().isVirtual()
                ? blocking.call(() -> apply(view, page, around))
                : apply(view, page, around);
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .end(html);
    }

    /**
     * Vert.x stores the session only for 2xx and 3xx answers, but a form shown again with errors
     * carries a fresh single-use CSRF token that the session must remember.
     */
    private void keepSession(RoutingContext ctx) {
        if (sessions != null && ctx.session() != null && !ctx.session().isDestroyed()) {
            try {
                Future.await(sessions.flush(ctx, true));
            } catch (Exception e) { // Future.await rethrows a store's checked SQLException as it is
                // Best effort: an error page must still be shown.
                log.debug("Could not keep the session for an error page: {}", e.toString());
            }
        }
    }

    /**
     * The page record's components with the layout's and the form's values beside them, in one map.
     * Handlebars.java looks a dotted path ({@code values.from}) up only in a context's own model:
     * values merely combined beside a record, or in a parent context, were lost inside
     * {@code {{> layout}}}, where every page's content is rendered.
     */
    private static Map<String, Object> beside(Record page, Map<String, Object> around) {
        Map<String, Object> model = new HashMap<>(around);
        for (RecordComponent component : page.getClass().getRecordComponents()) {
            try {
                model.put(component.getName(), component.getAccessor().invoke(page));
            } catch (ReflectiveOperationException e) { // a page record must be public
                throw new IllegalStateException("Could not read " + component + " of " + page.getClass(), e);
            }
        }
        return model;
    }

    private String apply(String view, Record page, Map<String, Object> around) {
        try {
            Template template = handlebars.compile(view);
            // the record's other methods ({{editable}}) are found in the context behind the map
            Context methods = Context.newBuilder(page).resolver(RESOLVERS).build();
            Context context = Context.newBuilder(methods, beside(page, around))
                    .resolver(RESOLVERS)
                    .build();
            try {
                return template.apply(context);
            } finally {
                context.destroy();
                methods.destroy();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render " + view, e);
        }
    }

    /** A resolver that leaves maps alone. */
    private record NotOnMaps(ValueResolver resolver) implements ValueResolver {

        @Override
        public Object resolve(Object context, String name) {
            return context instanceof Map ? UNRESOLVED : resolver.resolve(context, name);
        }

        @Override
        public Object resolve(Object context) {
            return resolver.resolve(context);
        }

        @Override
        public Set<Map.Entry<String, Object>> propertySet(Object context) {
            return context instanceof Map ? Set.of() : resolver.propertySet(context);
        }
    }
}
