package uk.encounters.web.admin;

import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import uk.encounters.marketplace.TypedText;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.register.DeprivationFile;
import uk.encounters.marketplace.register.EstablishmentRegister;
import uk.encounters.marketplace.register.LoadableFile;
import uk.encounters.marketplace.register.RegisterFile;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.UploadForm;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.Routes;

/**
 * The national register of schools and colleges: an administrator loads the DfE's file, and
 * loads it again when a newer one comes, so coordinators can add their hubs' schools from it; and
 * the indices of deprivation, which say which of those schools are cold spots.
 */
public final class RegisterRoutes {

    /**
     * The register page: the copies in use of the register and of the indices of deprivation, and
     * what was wrong with a file that was refused.
     */
    public record RegisterPage(
            LoadShown latest,
            DeprivationShown deprivation,
            List<RegisterFile.LineProblem> problems,
            boolean moreProblems) {}

    /** The indices of deprivation in use. */
    public record DeprivationShown(int neighbourhoods, LocalDate loadedOn) {}

    /** The last load, in the words and date style of a page. */
    public record LoadShown(String fileName, int establishments, String loadedBy, LocalDate loadedOn) {}

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final EstablishmentRegister register;
    private final Blocking blocking;
    private final Templates templates;

    public RegisterRoutes(EstablishmentRegister register, Blocking blocking, Templates templates) {
        this.register = register;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** Its routes (under /admin). */
    public void mount(Routes routes) {
        routes.admin().get("/register", this::showRegister);
        routes.admin().uploads().post("/import/register", this::processRegisterUpload);
        routes.admin().uploads().post("/import/deprivation", this::processDeprivationUpload);
    }

    public void showRegister(RoutingContext ctx) {
        showRegister(ctx, 200, Form.blank(), List.of());
    }

    public void processRegisterUpload(RoutingContext ctx) {
        processUpload(ctx, REGISTER, RegisterFile::read, register::load);
    }

    public void processDeprivationUpload(RoutingContext ctx) {
        processUpload(ctx, DEPRIVATION, DeprivationFile::read, register::loadDeprivation);
    }

    /** What one of the page's two uploads says: its field, its fallback name and its messages. */
    private record Upload(
            String field, String fallbackName, String choose, String notThis, String empty, String loaded) {}

    private static final Upload REGISTER = new Upload(
            "file",
            "register.csv",
            "Choose the register file to load (a .csv file from Get Information About Schools)",
            "This is not the register of establishments: it has no column ",
            "The file lists no establishments",
            "Loaded %,d establishments from %s.");

    private static final Upload DEPRIVATION = new Upload(
            "deprivationFile",
            "deprivation.csv",
            "Choose the indices of deprivation file to load (a .csv file)",
            "This is not file 1 of the indices of deprivation: it has no column ",
            "The file lists no neighbourhoods",
            "Loaded the deprivation deciles of %,d neighbourhoods from %s.");

    /** How a checked file is loaded, audited as {@code actor}. */
    private interface Loader<F> {
        void load(Actor actor, F file, String fileName);
    }

    /** Reads the file sent, and loads it whole or shows beside the field (and line by line) why not. */
    private <F extends LoadableFile> void processUpload(
            RoutingContext ctx, Upload upload, Function<String, F> reader, Loader<F> loader) {
        Form form = Form.of(ctx);
        if (UploadForm.file(ctx, upload.field()).isEmpty()) {
            form.error(upload.field(), upload.choose());
            showRegister(ctx, 422, form, List.of());
            return;
        }
        String fileName = UploadForm.fileName(ctx, upload.field())
                .map(sent -> TypedText.fileName(sent, upload.fallbackName()))
                .orElse(upload.fallbackName());
        F file = blocking.call(() -> reader.apply(CsvImport.textOf(ctx, upload.field(), "")));
        if (!file.missingColumns().isEmpty()) {
            form.error(upload.field(), upload.notThis() + String.join(", ", file.missingColumns()));
        } else if (!file.problems().isEmpty()) {
            form.error(upload.field(), "Nothing was loaded: the file has problems on the lines listed below");
        } else if (file.size() == 0) {
            form.error(upload.field(), upload.empty());
        }
        if (form.hasErrors()) {
            showRegister(ctx, 422, form, file.problems());
            return;
        }
        blocking.call(() -> {
            loader.load(CurrentUser.actor(ctx), file, fileName);
            return null;
        });
        Flash.set(ctx, String.format(upload.loaded(), file.size(), fileName));
        ctx.redirect("/admin/register");
    }

    private void showRegister(RoutingContext ctx, int status, Form form, List<RegisterFile.LineProblem> problems) {
        LoadShown latest = blocking.call(() -> register.latestLoad())
                .map(l -> new LoadShown(
                        l.fileName(),
                        l.establishments(),
                        l.loadedBy(),
                        l.loadedAt().atZoneSameInstant(LONDON).toLocalDate()))
                .orElse(null);
        DeprivationShown deprivation = blocking.call(() -> register.deprivationLoad())
                .map(d -> new DeprivationShown(
                        d.neighbourhoods(),
                        d.loadedAt().atZoneSameInstant(LONDON).toLocalDate()))
                .orElse(null);
        boolean more = problems.size() >= RegisterFile.MAX_PROBLEMS;
        templates.render(
                ctx,
                status,
                "admin/register",
                "The register of schools and colleges",
                new RegisterPage(latest, deprivation, problems, more),
                form);
    }
}
