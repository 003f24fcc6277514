package uk.encounters.web.admin;

import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import uk.encounters.marketplace.TypedText;
import uk.encounters.marketplace.register.DeprivationFile;
import uk.encounters.marketplace.register.EstablishmentRegister;
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
        Form form = Form.of(ctx);
        if (UploadForm.file(ctx, "file").isEmpty()) {
            form.error("file", "Choose the register file to load (a .csv file from Get Information About Schools)");
            showRegister(ctx, 422, form, List.of());
            return;
        }
        String fileName = UploadForm.fileName(ctx, "file")
                .map(RegisterRoutes::shownFileName)
                .orElse("register.csv");
        RegisterFile file = blocking.call(() -> RegisterFile.read(CsvImport.textOf(ctx, "file", "")));
        if (!file.missingColumns().isEmpty()) {
            form.error(
                    "file",
                    "This is not the register of establishments: it has no column "
                            + String.join(", ", file.missingColumns()));
        } else if (!file.problems().isEmpty()) {
            form.error("file", "Nothing was loaded: the file has problems on the lines listed below");
        } else if (file.establishments().isEmpty()) {
            form.error("file", "The file lists no establishments");
        }
        if (form.hasErrors()) {
            showRegister(ctx, 422, form, file.problems());
            return;
        }
        blocking.call(() -> {
            register.load(CurrentUser.actor(ctx), file, fileName);
            return null;
        });
        Flash.set(
                ctx,
                String.format(
                        "Loaded %,d establishments from %s.",
                        file.establishments().size(), fileName));
        ctx.redirect("/admin/register");
    }

    public void processDeprivationUpload(RoutingContext ctx) {
        Form form = Form.of(ctx);
        if (UploadForm.file(ctx, "deprivationFile").isEmpty()) {
            form.error("deprivationFile", "Choose the indices of deprivation file to load (a .csv file)");
            showRegister(ctx, 422, form, List.of());
            return;
        }
        String fileName = UploadForm.fileName(ctx, "deprivationFile")
                .map(RegisterRoutes::shownFileName)
                .orElse("deprivation.csv");
        DeprivationFile file = blocking.call(() -> DeprivationFile.read(CsvImport.textOf(ctx, "deprivationFile", "")));
        if (!file.missingColumns().isEmpty()) {
            form.error(
                    "deprivationFile",
                    "This is not file 1 of the indices of deprivation: it has no column "
                            + String.join(", ", file.missingColumns()));
        } else if (!file.problems().isEmpty()) {
            form.error("deprivationFile", "Nothing was loaded: the file has problems on the lines listed below");
        } else if (file.deciles().isEmpty()) {
            form.error("deprivationFile", "The file lists no neighbourhoods");
        }
        if (form.hasErrors()) {
            showRegister(ctx, 422, form, file.problems());
            return;
        }
        blocking.call(() -> {
            register.loadDeprivation(CurrentUser.actor(ctx), file, fileName);
            return null;
        });
        Flash.set(
                ctx,
                String.format(
                        "Loaded the deprivation deciles of %,d neighbourhoods from %s.",
                        file.deciles().size(), fileName));
        ctx.redirect("/admin/register");
    }

    /** The file's name without any folder, one line of plain text, at most 200 characters. */
    static String shownFileName(String sent) {
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(c -> !TypedText.isNeverText(c)).forEach(kept::appendCodePoint);
        String shown = kept.toString().strip();
        return shown.isEmpty() ? "register.csv" : shown.substring(0, Math.min(200, shown.length()));
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
