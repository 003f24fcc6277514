package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.encounters.marketplace.placement.Declaration;
import uk.encounters.marketplace.placement.DocumentKind;
import uk.encounters.marketplace.placement.Hazard;
import uk.encounters.marketplace.placement.PlacementDeclaration;
import uk.encounters.marketplace.placement.PlacementDocument;
import uk.encounters.marketplace.placement.RiskAnswers;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.UploadForm;

/**
 * The placement paperwork form: its fields read from a post (with the files sent, each checked by
 * its content), or filled from the declaration in force so that declaring again a year on means
 * changing only what changed. The rules of a declaration are the marketplace's ({@link
 * PlacementDeclaration#problems}); this only puts each problem beside its field.
 */
final class PaperworkForm {

    /** What a post declares, and the files sent with it; {@code declaration} is null when it could not be read. */
    record Read(PlacementDeclaration declaration, List<PlacementDocument> files) {}

    /** One hazard on the form: whether the placement meets it, and how it is controlled. */
    record HazardRow(
            String label,
            String examples,
            String presentField,
            boolean present,
            String controlField,
            String control,
            String error) {}

    /** The hint beside each file input: what it takes, and which file is kept if none is chosen. */
    record FileHints(String insuranceCertificate, String riskAssessmentFile, String healthSafetyPolicy) {

        static FileHints of(Optional<Declaration> current) {
            return new FileHints(
                    hint(current, DocumentKind.INSURANCE_CERTIFICATE, " while the policy is the same"),
                    hint(current, DocumentKind.RISK_ASSESSMENT, ""),
                    hint(current, DocumentKind.HEALTH_SAFETY_POLICY, ""));
        }

        private static String hint(Optional<Declaration> current, DocumentKind kind, String condition) {
            String takes = "PDF, PNG or JPEG, up to " + PlacementDocument.LIMIT_WORDS + ".";
            return current.map(d -> d.document(kind))
                    .map(kept -> takes + " Leave it empty to keep " + kept.fileName() + condition + ".")
                    .orElse(takes);
        }
    }

    /** What the file inputs offer to choose: the types taken, by extension and by media type. */
    static final String ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

    static final String RISK_MODE = "riskAssessment";
    static final String ANSWERED = "answers";
    static final String FILE = "file";

    /** The kinds of file the form takes, by their inputs' names. */
    private static final Map<DocumentKind, String> FILE_FIELDS = Map.of(
            DocumentKind.INSURANCE_CERTIFICATE, "insuranceCertificate",
            DocumentKind.RISK_ASSESSMENT, "riskAssessmentFile",
            DocumentKind.HEALTH_SAFETY_POLICY, "healthSafetyPolicy");

    private PaperworkForm() {}

    /** Reads the post, the fields in the page's order, with a message beside each field that is wrong. */
    static Read read(RoutingContext ctx, Form form, Optional<Declaration> current, LocalDate today) {
        String insurer = form.required("insurer", "The insurer's name", 200);
        String policyNumber = form.required("policyNumber", "The policy number", 100);
        LocalDate expires = form.date("insuranceExpiresOn", "The date the insurance expires");
        List<PlacementDocument> files = new ArrayList<>();
        file(ctx, form, DocumentKind.INSURANCE_CERTIFICATE).ifPresent(files::add);
        String mode = form.choice(RISK_MODE, "How you give your risk assessment", List.of(ANSWERED, FILE));
        RiskAnswers answers = answers(form);
        if (mode.equals(FILE)) {
            file(ctx, form, DocumentKind.RISK_ASSESSMENT).ifPresent(files::add);
        }
        LocalDate assessedOn = form.date("riskAssessedOn", "The date of the risk assessment");
        String statement = form.lines("healthSafetyStatement", "Your health and safety statement", 2000);
        file(ctx, form, DocumentKind.HEALTH_SAFETY_POLICY).ifPresent(files::add);
        String supervisor = form.required("supervisorName", "The supervisor's name", 200);
        String phone = form.phone("supervisorPhone", "The supervisor's phone number");
        if (phone.isEmpty()) {
            form.error("supervisorPhone", "Enter the supervisor's phone number");
        }
        String hours = form.required("hours", "The hours", 200);
        String dress = form.requiredLines("dressAndEquipment", "What to wear and bring", 1000);

        // a date not given is already named beside its field: today stands in so the other rules are checked
        PlacementDeclaration declaration = new PlacementDeclaration(
                insurer,
                policyNumber,
                expires == null ? today : expires,
                mode.equals(ANSWERED) ? answers : null,
                assessedOn == null ? today : assessedOn,
                statement,
                supervisor,
                phone,
                hours,
                dress);
        Set<DocumentKind> sent = EnumSet.noneOf(DocumentKind.class);
        files.forEach(f -> sent.add(f.kind()));
        for (PlacementDeclaration.Problem problem : declaration.problems(today, current, sent)) {
            boolean unknowable =
                    (problem.part() == PlacementDeclaration.Part.RISK_ASSESSMENT_FILE && !mode.equals(FILE))
                            || (problem.part() == PlacementDeclaration.Part.INSURANCE_CERTIFICATE && expires == null);
            if (!unknowable) {
                form.error(fieldOf(problem), problem.message()); // after a field's own message, if it has one
            }
        }
        return new Read(form.hasErrors() ? null : declaration, files);
    }

    /** The form as the declaration in force left it: only what has changed need be typed again. */
    static void prefill(Form form, Optional<Declaration> current) {
        if (current.isEmpty()) {
            return;
        }
        Declaration d = current.get();
        form.keep("insurer", d.insurer());
        form.keep("policyNumber", d.policyNumber());
        form.keep("insuranceExpiresOn", d.insuranceExpiresOn().toString());
        form.keep(RISK_MODE, d.riskAnswers() == null ? FILE : ANSWERED);
        if (d.riskAnswers() != null) {
            for (RiskAnswers.Answer answer : d.riskAnswers().answers()) {
                form.keep(presentField(answer.hazard()), answer.present() ? "true" : "");
                form.keep(controlField(answer.hazard()), answer.control());
            }
        }
        form.keep("riskAssessedOn", d.riskAssessedOn().toString());
        form.keep("healthSafetyStatement", d.healthSafetyStatement() == null ? "" : d.healthSafetyStatement());
        form.keep("supervisorName", d.supervisorName());
        form.keep("supervisorPhone", d.supervisorPhone());
        form.keep("hours", d.hours());
        form.keep("dressAndEquipment", d.dressAndEquipment());
    }

    /** The hazards as the form shows them, with what was typed or kept and any message. */
    static List<HazardRow> hazardRows(Form form, Map<String, String> errors) {
        return Arrays.stream(Hazard.values())
                .map(h -> new HazardRow(
                        h.label(),
                        h.examples(),
                        presentField(h),
                        "true".equals(form.value(presentField(h))),
                        controlField(h),
                        form.value(controlField(h)),
                        errors.get(controlField(h))))
                .toList();
    }

    static String presentField(Hazard hazard) {
        return "hazard-" + hazard.code();
    }

    static String controlField(Hazard hazard) {
        return "control-" + hazard.code();
    }

    /** The hazards as answered; read (and kept on the form) whichever way the risk assessment is given. */
    private static RiskAnswers answers(Form form) {
        return new RiskAnswers(Arrays.stream(Hazard.values())
                .map(h -> new RiskAnswers.Answer(
                        h,
                        form.checked(presentField(h)),
                        form.lines(
                                controlField(h), "How you control " + h.label().toLowerCase(), 1000)))
                .toList());
    }

    /**
     * The file sent in the kind's input, when it is a PDF, PNG or JPEG within the limit; otherwise
     * empty, with a message beside the input if a file was chosen.
     */
    private static Optional<PlacementDocument> file(RoutingContext ctx, Form form, DocumentKind kind) {
        String field = FILE_FIELDS.get(kind);
        String name = UploadForm.fileName(ctx, field).orElse("");
        Optional<byte[]> content = UploadForm.file(ctx, field);
        // a browser sends an empty part with no name for an input left empty; with a name, the file was empty
        Optional<String> problem = content.isEmpty()
                ? (name.isBlank() ? Optional.empty() : PlacementDocument.problemWith(new byte[0]))
                : PlacementDocument.problemWith(content.get());
        problem.ifPresent(message -> form.error(field, message));
        return problem.isPresent() || content.isEmpty()
                ? Optional.empty()
                : Optional.of(PlacementDocument.of(kind, name, content.get()));
    }

    /** The field a problem with a declaration is shown beside. */
    private static String fieldOf(PlacementDeclaration.Problem problem) {
        return switch (problem.part()) {
            case INSURANCE_EXPIRES_ON -> "insuranceExpiresOn";
            case INSURANCE_CERTIFICATE -> FILE_FIELDS.get(DocumentKind.INSURANCE_CERTIFICATE);
            case RISK_ASSESSMENT_FILE -> FILE_FIELDS.get(DocumentKind.RISK_ASSESSMENT);
            case RISK_ASSESSED_ON -> "riskAssessedOn";
            case HAZARD_CONTROL -> controlField(problem.hazard());
            case HEALTH_SAFETY -> "healthSafetyStatement";
        };
    }
}
