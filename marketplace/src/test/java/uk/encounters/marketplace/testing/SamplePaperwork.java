package uk.encounters.marketplace.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.placement.DocumentKind;
import uk.encounters.marketplace.placement.Hazard;
import uk.encounters.marketplace.placement.PlacementDeclaration;
import uk.encounters.marketplace.placement.PlacementDocument;
import uk.encounters.marketplace.placement.PlacementPaperwork;
import uk.encounters.marketplace.placement.RiskAnswers;

/** Real, tiny files of each kind paperwork may be, and a whole declaration for tests that need one made. */
public final class SamplePaperwork {

    private SamplePaperwork() {}

    /** A one-page PDF, blank. */
    public static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    /** A 2 by 2 pixel image as a PNG. */
    public static byte[] png() {
        return image("png");
    }

    /** A 2 by 2 pixel image as a JPEG. */
    public static byte[] jpeg() {
        return image("jpeg");
    }

    /** A Windows program's first bytes: what a renamed .exe begins with. */
    public static byte[] program() {
        return Arrays.copyOf(
                "MZ\u0090\u0000This program cannot be run in DOS mode.".getBytes(StandardCharsets.ISO_8859_1), 512);
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x1d70b8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Answers to every hazard: lifting present and controlled, the rest absent. */
    public static RiskAnswers answers() {
        return new RiskAnswers(Arrays.stream(Hazard.values())
                .map(h -> h == Hazard.MANUAL_HANDLING
                        ? new RiskAnswers.Answer(h, true, "Nothing over 5 kg; shown how to lift on the first morning")
                        : new RiskAnswers.Answer(h, false, ""))
                .toList());
    }

    /** A declaration with the risk assessment answered on the form and a statement typed. */
    public static PlacementDeclaration declaration(LocalDate insuranceExpiresOn, LocalDate riskAssessedOn) {
        return new PlacementDeclaration(
                "Zurich Insurance",
                "EL-123456",
                insuranceExpiresOn,
                answers(),
                riskAssessedOn,
                "We follow our health and safety policy; pupils are inducted on the first morning.",
                "Dan Price",
                "01332 123456",
                "9:00 to 15:30, Monday to Friday",
                "Own clothes; safety boots provided");
    }

    /**
     * The organisation's paperwork as declared on {@code declaredOn} with an insurance certificate,
     * insured until {@code insuranceExpiresOn}, its risk assessment made on {@code riskAssessedOn}.
     */
    public static long declared(
            DSLContext dsl,
            long employerId,
            LocalDate declaredOn,
            LocalDate insuranceExpiresOn,
            LocalDate riskAssessedOn) {
        Clock then = Clock.fixed(
                declaredOn.atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant(), ZoneId.of("Europe/London"));
        return new PlacementPaperwork(dsl, then)
                .declare(
                        Actor.anonymous("192.0.2.10"),
                        employerId,
                        declaration(insuranceExpiresOn, riskAssessedOn),
                        List.of(PlacementDocument.of(DocumentKind.INSURANCE_CERTIFICATE, "insurance.pdf", pdf())));
    }
}
