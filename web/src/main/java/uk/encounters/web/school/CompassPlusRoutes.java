package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import uk.encounters.marketplace.csv.CsvWriter;
import uk.encounters.marketplace.pupil.EncounterLog;
import uk.encounters.marketplace.pupil.PupilReferences;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The school's encounters for Compass+, the Careers & Enterprise Company's tool: the careers
 * leader uploads the MIS export that holds the UPNs this app never keeps, and downloads the
 * activities with each learner's UPN filled in ({@link CompassPlusExport}).
 */
public final class CompassPlusRoutes {

    /** The upload form, and what was wrong with the last file. */
    public record CompassPlusPage(long schoolId, String columns) {}

    private final EncounterLog log;
    private final PupilReferences references;
    private final Blocking blocking;
    private final Templates templates;

    public CompassPlusRoutes(EncounterLog log, PupilReferences references, Blocking blocking, Templates templates) {
        this.log = log;
        this.references = references;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        school.get("/evidence/compass-plus", this::showCompassPlusForm);
        school.uploads().post("/evidence/compass-plus.csv", this::processCompassPlusExport);
    }

    public void showCompassPlusForm(RoutingContext ctx) {
        showPage(ctx, 200, Form.blank());
    }

    /** The file is the answer; a file that cannot be used shows the form again with why. */
    public void processCompassPlusExport(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        CompassPlusExport export;
        try {
            export = CompassPlusExport.of(CsvImport.textOf(ctx, "file", "csv"), schoolId, references);
        } catch (CompassPlusExport.Refused e) {
            Form form = Form.blank();
            form.error("file", e.getMessage());
            showPage(ctx, 422, form);
            return;
        }
        List<EncounterLog.Entry> entries = blocking.call(() -> log.forSchool(schoolId));
        CsvWriter csv = export.write(entries);
        ctx.response()
                .putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"compass-plus-activities.csv\"")
                // it holds UPNs: no copy kept on the way
                .putHeader("Cache-Control", "no-store")
                .end(csv.toString());
    }

    private void showPage(RoutingContext ctx, int status, Form form) {
        long schoolId = PathId.required(ctx, "schoolId");
        templates.render(
                ctx,
                status,
                "school/compass-plus",
                "Encounters for Compass+",
                new CompassPlusPage(schoolId, String.join(",", CompassPlusExport.COLUMNS)),
                form);
    }
}
