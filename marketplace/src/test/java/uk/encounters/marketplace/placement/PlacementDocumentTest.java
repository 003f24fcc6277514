package uk.encounters.marketplace.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import uk.encounters.marketplace.testing.SamplePaperwork;

/** A file is taken for what its content is, not its name, and within the limit. */
class PlacementDocumentTest {

    @Test
    void aRealPdfPngAndJpegAreTakenForWhatTheyAre() {
        assertThat(PlacementDocument.problemWith(SamplePaperwork.pdf())).isEmpty();
        assertThat(PlacementDocument.problemWith(SamplePaperwork.png())).isEmpty();
        assertThat(PlacementDocument.problemWith(SamplePaperwork.jpeg())).isEmpty();

        assertThat(PlacementDocument.of(DocumentKind.INSURANCE_CERTIFICATE, "cert.pdf", SamplePaperwork.pdf())
                        .type())
                .isEqualTo(DocumentType.PDF);
        assertThat(PlacementDocument.of(DocumentKind.RISK_ASSESSMENT, "photo.png", SamplePaperwork.png())
                        .type())
                .isEqualTo(DocumentType.PNG);
        // named as something else, a JPEG is still a JPEG
        assertThat(PlacementDocument.of(DocumentKind.RISK_ASSESSMENT, "scan.pdf", SamplePaperwork.jpeg())
                        .type())
                .isEqualTo(DocumentType.JPEG);
    }

    @Test
    void aTextFileOrAProgramNamedLikeAPdfIsRefused() {
        byte[] text = "Insurer: Zurich\nPolicy: EL-1\n".getBytes(StandardCharsets.UTF_8);

        assertThat(PlacementDocument.problemWith(text)).contains("The file must be a PDF, PNG or JPEG");
        assertThat(PlacementDocument.problemWith(SamplePaperwork.program()))
                .contains("The file must be a PDF, PNG or JPEG");
        assertThatThrownBy(() -> PlacementDocument.of(DocumentKind.INSURANCE_CERTIFICATE, "insurance.pdf", text))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(PlacementDocument.problemWith(new byte[0])).contains("The file is empty: choose the file again");
    }

    @Test
    void aFileOverFiveMegabytesIsRefusedAndOneAtTheLimitTaken() {
        byte[] atLimit = Arrays.copyOf(SamplePaperwork.pdf(), PlacementDocument.MAX_BYTES);
        byte[] over = Arrays.copyOf(SamplePaperwork.pdf(), PlacementDocument.MAX_BYTES + 1);

        assertThat(PlacementDocument.problemWith(atLimit)).isEmpty();
        assertThat(PlacementDocument.problemWith(over)).contains("The file must be 5 MB or smaller");
    }

    @Test
    void theNameSentIsShownWithoutItsFolderOrControlCharacters() {
        PlacementDocument sent = PlacementDocument.of(
                DocumentKind.INSURANCE_CERTIFICATE,
                "C:\\Users\\ash\\EL cert\u202e2027\u0007.pdf",
                SamplePaperwork.pdf());
        PlacementDocument unnamed = PlacementDocument.of(DocumentKind.INSURANCE_CERTIFICATE, "", SamplePaperwork.pdf());

        assertThat(sent.fileName()).isEqualTo("EL cert2027.pdf");
        assertThat(unnamed.fileName()).isEqualTo("insurance-certificate");
    }
}
