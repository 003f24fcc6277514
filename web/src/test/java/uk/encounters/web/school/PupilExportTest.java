package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.encounters.marketplace.pupil.PupilReferences;
import uk.encounters.marketplace.pupil.PupilRepository.PupilRow;
import uk.encounters.marketplace.pupil.Upn;
import uk.encounters.web.form.CsvImport;

/** Which export a pupils file is, from its header line, and how each system's values are read. */
class PupilExportTest {

    static final long SCHOOL = 42;
    static final PupilReferences REFERENCES =
            new PupilReferences("a key of thirty-two characters...".getBytes(StandardCharsets.UTF_8));

    @Test
    void aSimsExportIsRecognisedByItsColumnsAndReadByUpn() {
        PupilExport export =
                PupilExport.of("UPN,Surname,Forename,Reg Group,Year,Gender,DOB,FSM Ever 6,SEN Status,First Language\n");

        assertThat(export.system()).contains("SIMS");
        assertThat(export.identifier()).isEqualTo("upn");
        assertThat(export.yearGroup()).contains("year");
        assertThat(export.disadvantaged()).contains("fsm_ever_6");
        assertThat(export.send()).contains("sen_status");
        assertThat(export.eal()).isEmpty();
        assertThat(export.firstLanguage()).contains("first_language");
        assertThat(export.recognised())
                .isEqualTo("Recognised a SIMS-style export: UPNs turned into private references;"
                        + " names, dates of birth and any other columns ignored.");
    }

    @Test
    void anArborExportIsRecognisedByItsColumns() {
        PupilExport export = PupilExport.of("UPN,First Name,Last Name,Year Group,Pupil Premium,SEN Status,EAL\n");

        assertThat(export.system()).contains("Arbor");
        assertThat(export.yearGroup()).contains("year_group");
        assertThat(export.disadvantaged()).contains("pupil_premium");
        assertThat(export.eal()).contains("eal");
        assertThat(export.recognised()).startsWith("Recognised an Arbor-style export");
    }

    @Test
    void aBromcomExportIsRecognisedWhateverTheCaseAndSpacingOfItsHeaders() {
        PupilExport export = PupilExport.of("\uFEFF upn ;Legal Forename;LEGAL  SURNAME;nc year;PP;Sen Provision;Eal\n");

        assertThat(export.system()).contains("Bromcom");
        assertThat(export.identifier()).isEqualTo("upn");
        assertThat(export.yearGroup()).contains("nc_year");
        assertThat(export.disadvantaged()).contains("pp");
        assertThat(export.send()).contains("sen_provision");
    }

    @Test
    void withoutAUpnColumnTheAdmissionNumberIdentifiesThePupil() {
        PupilExport export = PupilExport.of("Admission No,Forename,Surname,National Curriculum Year,Ever 6 FSM\n");

        assertThat(export.identifier()).isEqualTo("admission_no");
        assertThat(export.yearGroup()).contains("national_curriculum_year");
        assertThat(export.disadvantaged()).contains("ever_6_fsm");
        assertThat(export.recognised()).contains("admission numbers turned into private references");
    }

    @Test
    void aFileWithOurReferenceColumnIsOurTemplateAsBefore() {
        assertThat(PupilExport.of("reference,year_group,disadvantaged,send,eal\n")
                        .ourTemplate())
                .isTrue();
        assertThat(PupilExport.of("Reference;Year Group\n").ourTemplate()).isTrue();
        assertThat(PupilExport.of("").ourTemplate()).isTrue();
        assertThat(PupilExport.OUR_TEMPLATE.recognised()).isNull();
    }

    @Test
    void anExportWithoutAYearColumnIsRefusedNamingTheColumnsItCouldHave() {
        CsvImport<PupilRow> file = check("UPN,Forename,Surname\nW831412524001,Ann,Smith\n");

        assertThat(file.problem()).hasValueSatisfying(p -> assertThat(p).contains("NC Year (or Year Group, or Year)"));
    }

    @Test
    void simsValuesAreReadAsTheSystemWritesThem() {
        CsvImport<PupilRow> file = check("UPN,Surname,Forename,Year,DOB,FSM Ever 6,SEN Status,First Language\n"
                + "W831412524001,Smith,Ann,Year 9,01/09/2011,T,K,English\n"
                + "K831412524002,Jones,Bo,Y10,02/10/2010,F,E,Polish\n"
                + "Z831412524003,Khan,Cy,Yr 11,03/11/2009,Yes,N,English (assumed)\n"
                + "H831412523017,Patel,Di,7,04/12/2013,No,,Information not obtained\n"
                + "V83141252401A,Lee,Ed,13,05/01/2007,True,\"Education, Health and Care plan\",Somali\n");

        assertThat(file.rows()).allMatch(CsvImport.RowReport::ok);
        assertThat(file.valid())
                .containsExactly(
                        new PupilRow(reference("W831412524001"), 9, true, true, false),
                        new PupilRow(reference("K831412524002"), 10, false, true, true),
                        new PupilRow(reference("Z831412524003"), 11, true, false, false),
                        new PupilRow(reference("H831412523017"), 7, false, false, false),
                        new PupilRow(reference("V83141252401A"), 13, true, true, true));
    }

    @Test
    void theWordsForSenStatusAreReadToo() {
        CsvImport<PupilRow> file = check("UPN,NC Year,SEN Provision,EAL\n"
                + "W831412524001,9,SEN Support,Y\n"
                + "K831412524002,9,EHC Plan,N\n"
                + "Z831412524003,9,No Special Educational Need,\n");

        assertThat(file.valid())
                .extracting(PupilRow::send, PupilRow::eal)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(true, true),
                        org.assertj.core.groups.Tuple.tuple(true, false),
                        org.assertj.core.groups.Tuple.tuple(false, false));
    }

    @Test
    void eachBadRowGetsAClearMessageThatNeverRepeatsWhatItsCellsHold() {
        CsvImport<PupilRow> file = check("UPN,Forename,Year Group,Pupil Premium,SEN Status,EAL\n"
                + "W831412524001,Ann,9,Y,N,N\n"
                + "A831412524001,Bo,9,Y,N,N\n"
                + "W831412524001,Cy,10,N,N,N\n"
                + "K831412524002,Di,Year 14,N,N,N\n"
                + "Z831412524003,Ed,9,Maybe,Q,N\n"
                + ",Flo,9,N,N,N\n"
                + "H831412523017,\"Smith, Jr\",9,N,N,N\n"
                + "H831412523017,Smith, Jr,9,N,N,N\n");

        assertThat(file.rows())
                .extracting(CsvImport.RowReport::errors)
                .containsExactly(
                        List.of(),
                        List.of("The UPN is not a valid UPN: 13 characters, a check letter that fits the digits,"
                                + " 11 digits, then a digit (or a letter for a temporary UPN)"),
                        List.of("The same UPN as line 2"),
                        List.of("Year group must be between 7 and 13"),
                        List.of(
                                "Pupil premium (or FSM Ever 6) must be Y or N (or blank for N)",
                                "SEN status must be N, K or E (or blank for none)"),
                        List.of("Enter the pupil's UPN"),
                        List.of(),
                        List.of(
                                "Year group must be a whole number, like 7",
                                "Pupil premium (or FSM Ever 6) must be Y or N (or blank for N)",
                                "The same UPN as line 8"));
        assertThat(file.rows())
                .extracting(CsvImport.RowReport::summary)
                .containsExactly(
                        reference("W831412524001") + ", Year 9",
                        "No usable UPN, Year 9",
                        reference("W831412524001") + ", Year 10",
                        reference("K831412524002") + ", Year 14",
                        reference("Z831412524003") + ", Year 9",
                        "No usable UPN, Year 9",
                        reference("H831412523017") + ", Year 9",
                        reference("H831412523017") + ", year group unreadable");
        assertThat(file.rows())
                .as("a name shifted into other columns by a stray comma is never repeated")
                .allSatisfy(
                        report -> assertThat(report.summary() + report.errors()).doesNotContain("Jr"));
        assertThat(file.valid()).hasSize(2);
    }

    @Test
    void theSamePupilsFromSimsAndFromArborGetTheSameReferences() {
        CsvImport<PupilRow> sims = check("UPN,Surname,Forename,Reg Group,Year,Gender,DOB,FSM Ever 6,SEN Status\n"
                + "W831412524001,Smith,Ann,9A,Year 9,F,01/09/2011,Y,K\n");
        CsvImport<PupilRow> arbor = check("UPN,First Name,Last Name,Year Group,Pupil Premium,SEN Status,EAL\n"
                + "w831412524001,Ann,Smith,Year 9,Yes,SEN Support,No\n");

        assertThat(arbor.valid()).isEqualTo(sims.valid());
    }

    private static CsvImport<PupilRow> check(String text) {
        PupilExport export = PupilExport.of(text);
        assertThat(export.ourTemplate()).isFalse();
        return CsvImport.check(text, export.requiredColumns(), new MisPupilRows(export, SCHOOL, REFERENCES));
    }

    private static String reference(String upn) {
        return REFERENCES.of(SCHOOL, Upn.parse(upn).orElseThrow());
    }
}
