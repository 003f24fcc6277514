package uk.encounters.marketplace.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.encounters.marketplace.jooq.tables.records.EstablishmentRecord;

class RegisterFileTest {

    /** Columns as the DfE's own file names them, in its order; a place given only as easting and northing. */
    static final String DFE_HEADER = "URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,"
            + "TypeOfEstablishment (code),TypeOfEstablishment (name),EstablishmentTypeGroup (name),"
            + "EstablishmentStatus (name),CloseDate,PhaseOfEducation (name),StatutoryLowAge,StatutoryHighAge,"
            + "NumberOfPupils,PercentageFSM,Postcode,Easting,Northing,LSOA (code)\r\n";

    @Test
    void theExtractReadsEveryLineWithItsPlace() {
        RegisterFile file = RegisterFile.read(RegisterExcerpt.derby());

        assertThat(file.missingColumns()).isEmpty();
        assertThat(file.problems()).isEmpty();
        assertThat(file.loadable()).isTrue();
        assertThat(file.establishments()).hasSize(117);
        EstablishmentRecord littleover = byUrn(file).get(112956);
        assertThat(littleover.getName()).isEqualTo("Littleover Community School");
        assertThat(littleover.getTypeName()).isEqualTo("Community school");
        assertThat(littleover.getEducationPhase()).isEqualTo("Secondary");
        assertThat(littleover.getRegisterStatus()).isEqualTo("Open");
        assertThat(littleover.getPostcode()).isEqualTo("DE23 4BZ");
        assertThat(littleover.getLocalAuthority()).isEqualTo("Derby");
        assertThat(littleover.getLatitude()).isBetween(52.8, 53.0);
        assertThat(littleover.getLongitude()).isBetween(-1.6, -1.4);
        assertThat(littleover.getLsoaCode()).startsWith("E01");
        assertThat(littleover.getPupils()).isPositive();
        // Derby College has no postcode in the register, but a place
        EstablishmentRecord college = byUrn(file).get(133585);
        assertThat(college.getPostcode()).isNull();
        assertThat(college.getLatitude()).isNotNull();
    }

    @Test
    void theDfesOwnFileIsReadByItsColumnNamesWithAPlaceFromTheNationalGrid() {
        String text = DFE_HEADER
                + "112956,831,Derby,4000,Littleover Community School,1,Community school,Local authority maintained schools,"
                + "Open,,Secondary,11,18,1779,14.2,DE23 4BZ,432007,333693,E01013560\r\n"
                // a made-up closed school and an independent school known only by its ages
                + "999001,831,Derby,4999,Old Caf\u00e9 School,1,Community school,Local authority maintained schools,"
                + "Closed,31-08-2019,Secondary,11,16,,,DE1 1AA,435000,336000,\r\n"
                + "999002,831,Derby,6999,Hill House,11,Other independent school,Independent schools,"
                + "Open,,Not applicable,3,18,400,,DE22 1AA,,,\r\n";

        RegisterFile file = RegisterFile.read(text);

        assertThat(file.problems()).isEmpty();
        Map<Integer, EstablishmentRecord> read = byUrn(file);
        EstablishmentRecord littleover = read.get(112956);
        assertThat(littleover.getTypeName()).isEqualTo("Community school");
        assertThat(littleover.getFreeSchoolMealsPercent()).isEqualByComparingTo(new BigDecimal("14.2"));
        assertThat(littleover.getLowAge()).isEqualTo((short) 11);
        // the extract's own latitude and longitude for Littleover, from the same easting and northing
        assertThat(littleover.getLatitude()).isCloseTo(52.899731, within(0.0002));
        assertThat(littleover.getLongitude()).isCloseTo(-1.525628, within(0.0002));
        EstablishmentRecord closed = read.get(999001);
        assertThat(closed.getRegisterStatus()).isEqualTo("Closed");
        assertThat(closed.getClosedOn()).isEqualTo(LocalDate.of(2019, 8, 31));
        assertThat(closed.getName()).isEqualTo("Old Caf\u00e9 School");
        assertThat(read.get(999002).getLatitude()).isNull();
    }

    @Test
    void theNationalGridConversionAgreesWithTheExtractsOwnPlacesToAFewMetres() {
        String derby = RegisterExcerpt.derby();
        String[] lines = derby.split("\n");
        int checked = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            // easting, northing, longitude, latitude are columns 11, 12, 15, 16 of the extract's simple lines
            if (f.length < 16 || f[10].isEmpty() || f[14].isEmpty() || lines[i].contains("\"")) {
                continue;
            }
            var place = new BritishNationalGrid(Double.parseDouble(f[10]), Double.parseDouble(f[11])).toLatLong();
            assertThat(place.latitude()).as(f[4]).isCloseTo(Double.parseDouble(f[15]), within(0.0002));
            assertThat(place.longitude()).as(f[4]).isCloseTo(Double.parseDouble(f[14]), within(0.0002));
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void aFileWithoutTheRegistersColumnsNamesTheMissingOnes() {
        RegisterFile file = RegisterFile.read("urn,name,postcode\n112956,Littleover,DE23 4BZ\n");

        assertThat(file.loadable()).isFalse();
        assertThat(file.missingColumns())
                .containsExactly("EstablishmentName", "PhaseOfEducation (name)", "TypeOfEstablishment (name)");
    }

    @Test
    void badLinesAreListedByLineNumberAndNothingIsLoadable() {
        String text = "urn,establishment_name,establishment_type,education_phase\n"
                + "112956,Littleover Community School,Community school,Secondary\n"
                + "abc,Nameless,Community school,Secondary\n"
                + "112956,Littleover again,Community school,Secondary\n"
                + "112957,\"Two\nlines\",Community school,Secondary\n";

        RegisterFile file = RegisterFile.read(text);

        assertThat(file.loadable()).isFalse();
        assertThat(file.problems()).extracting(RegisterFile.LineProblem::line).containsExactly(3, 4, 5);
        assertThat(file.problems().get(0).message()).contains("\"abc\"");
        assertThat(file.problems().get(1).message()).contains("earlier line");
    }

    private static Map<Integer, EstablishmentRecord> byUrn(RegisterFile file) {
        return file.establishments().stream()
                .collect(Collectors.toMap(EstablishmentRecord::getUrn, Function.identity()));
    }
}
