package uk.encounters.marketplace.register;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uk.encounters.marketplace.TypedText;
import uk.encounters.marketplace.csv.CsvParser;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.jooq.tables.records.EstablishmentRecord;

/**
 * The register of establishments as the DfE publishes it ("edubasealldata" from Get Information
 * About Schools, tens of megabytes, Windows-1252 or UTF-8), or an extract of it with the columns
 * renamed in snake case. Read as a stream: only the dozen columns the marketplace uses are kept.
 * A place comes from latitude and longitude when the file has them, else from its National Grid
 * easting and northing, as in the DfE's own file.
 */
public record RegisterFile(
        List<EstablishmentRecord> establishments, List<LineProblem> problems, List<String> missingColumns)
        implements LoadableFile {

    /** A line the register load refused, and why. */
    public record LineProblem(int line, String message) {}

    /** The columns read, each under its DfE name and its snake-case name, as {@link CsvTable#columnName} folds them. */
    private enum Column {
        URN(true, "urn"),
        NAME(true, "establishmentname", "establishment_name"),
        TYPE(true, "typeofestablishment_name", "establishment_type"),
        PHASE(true, "phaseofeducation_name", "education_phase"),
        TYPE_GROUP(false, "establishmenttypegroup_name", "establishment_type_group"),
        STATUS(false, "establishmentstatus_name", "establishment_status"),
        CLOSED_ON(false, "closedate", "close_date"),
        LOCAL_AUTHORITY(false, "la_name"),
        POSTCODE(false, "postcode"),
        LATITUDE(false, "latitude"),
        LONGITUDE(false, "longitude"),
        EASTING(false, "easting"),
        NORTHING(false, "northing"),
        PUPILS(false, "numberofpupils", "number_of_pupils"),
        FREE_SCHOOL_MEALS(false, "percentagefsm", "percentage_fsm"),
        LSOA(false, "lsoa_code"),
        LOW_AGE(false, "statutorylowage", "statutory_low_age"),
        HIGH_AGE(false, "statutoryhighage", "statutory_high_age");

        final boolean required;
        final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }
    }

    /** The register's own header for each required column, for the message when one is missing. */
    private static final Map<Column, String> REGISTER_HEADERS = Map.of(
            Column.URN, "URN",
            Column.NAME, "EstablishmentName",
            Column.TYPE, "TypeOfEstablishment (name)",
            Column.PHASE, "PhaseOfEducation (name)");

    /** GIAS writes dates as 01-09-2024; extracts often as 2024-09-01. */
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("dd-MM-yyyy"),
            DateTimeFormatter.ofPattern("dd/MM/yyyy"),
            DateTimeFormatter.ISO_LOCAL_DATE);

    /** Reading stops reporting after this many problems: one wrong column makes every line wrong. */
    public static final int MAX_PROBLEMS = 50;

    @Override
    public int size() {
        return establishments.size();
    }

    public static RegisterFile read(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            CsvParser parser = new CsvParser(new StringReader(content), ',');
            List<String> header = parser.nextRecord();
            if (header == null) {
                return new RegisterFile(List.of(), List.of(), List.copyOf(REGISTER_HEADERS.values()));
            }
            Map<Column, Integer> at = positions(header);
            List<String> missing = REGISTER_HEADERS.entrySet().stream()
                    .filter(e -> !at.containsKey(e.getKey()))
                    .map(Map.Entry::getValue)
                    .sorted()
                    .toList();
            if (!missing.isEmpty()) {
                return new RegisterFile(List.of(), List.of(), missing);
            }
            List<EstablishmentRecord> establishments = new ArrayList<>();
            List<LineProblem> problems = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (List<String> fields = parser.nextRecord(); fields != null; fields = parser.nextRecord()) {
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                Line line = new Line(parser.recordLine(), fields, at);
                EstablishmentRecord establishment = line.establishment(problems);
                if (establishment != null && !seen.add(establishment.getUrn())) {
                    problems.add(new LineProblem(
                            line.number, "URN " + establishment.getUrn() + " is on an earlier line too"));
                } else if (establishment != null) {
                    establishments.add(establishment);
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            }
            return new RegisterFile(establishments, problems, List.of());
        } catch (IOException e) {
            return new RegisterFile(
                    List.of(),
                    List.of(new LineProblem(0, "The file cannot be read as CSV: " + e.getMessage())),
                    List.of());
        }
    }

    private static Map<Column, Integer> positions(List<String> header) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(CsvTable.columnName(header.get(i)), i);
        }
        Map<Column, Integer> at = new HashMap<>();
        for (Column column : Column.values()) {
            column.names.stream().filter(byName::containsKey).findFirst().ifPresent(n -> at.put(column, byName.get(n)));
        }
        return at;
    }

    /** One data line, its fields found by column. */
    private record Line(int number, List<String> fields, Map<Column, Integer> at) {

        String get(Column column) {
            Integer i = at.get(column);
            return i == null || i >= fields.size() ? "" : fields.get(i).strip();
        }

        EstablishmentRecord establishment(List<LineProblem> problems) {
            Integer urn = whole(get(Column.URN));
            if (urn == null || urn <= 0) {
                problems.add(
                        new LineProblem(number, "The URN must be a whole number, not \"" + get(Column.URN) + "\""));
                return null;
            }
            String name = get(Column.NAME);
            if (name.isEmpty() || name.length() > 200 || !TypedText.ONE_LINE.accepts(name)) {
                problems.add(
                        new LineProblem(number, "URN " + urn + " needs a name of one line, at most 200 characters"));
                return null;
            }
            String type = get(Column.TYPE);
            if (type.isEmpty()) {
                problems.add(new LineProblem(number, "URN " + urn + " has no type of establishment"));
                return null;
            }
            EstablishmentRecord r = new EstablishmentRecord();
            r.setUrn(urn);
            r.setName(name);
            r.setTypeName(clip(type, 100));
            r.setTypeGroup(clip(get(Column.TYPE_GROUP), 100));
            r.setEducationPhase(clip(get(Column.PHASE), 40));
            // an extract of open establishments only may leave the status out
            r.setRegisterStatus(at.containsKey(Column.STATUS) ? clip(get(Column.STATUS), 40) : "Open");
            r.setClosedOn(date(get(Column.CLOSED_ON)));
            r.setLocalAuthority(clip(get(Column.LOCAL_AUTHORITY), 100));
            r.setPostcode(postcode(get(Column.POSTCODE)));
            place(r);
            r.setPupils(whole(get(Column.PUPILS)));
            r.setFreeSchoolMealsPercent(percent(get(Column.FREE_SCHOOL_MEALS)));
            String lsoa = get(Column.LSOA);
            r.setLsoaCode(lsoa.matches("[EW]0\\d{7}") ? lsoa : null);
            Integer low = whole(get(Column.LOW_AGE));
            Integer high = whole(get(Column.HIGH_AGE));
            r.setLowAge(low == null || low < 0 || low > 99 ? null : low.shortValue());
            r.setHighAge(high == null || high < 0 || high > 99 ? null : high.shortValue());
            return r;
        }

        private void place(EstablishmentRecord r) {
            Double latitude = decimal(get(Column.LATITUDE));
            Double longitude = decimal(get(Column.LONGITUDE));
            if (latitude != null && longitude != null && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
                r.setLatitude(latitude);
                r.setLongitude(longitude);
                return;
            }
            Double easting = decimal(get(Column.EASTING));
            Double northing = decimal(get(Column.NORTHING));
            if (easting != null && northing != null) {
                BritishNationalGrid grid = new BritishNationalGrid(easting, northing);
                if (grid.inBritain()) {
                    BritishNationalGrid.LatLong place = grid.toLatLong();
                    r.setLatitude(place.latitude());
                    r.setLongitude(place.longitude());
                }
            }
        }
    }

    private static String clip(String value, int length) {
        return value.length() > length ? value.substring(0, length) : value;
    }

    private static String postcode(String value) {
        String postcode = value.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return postcode.matches("[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}") ? postcode : null;
    }

    private static Integer whole(String value) {
        try {
            return value.isEmpty() ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double decimal(String value) {
        try {
            return value.isEmpty() ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal percent(String value) {
        Double percent = decimal(value.replace("%", ""));
        return percent == null || percent < 0 || percent > 100
                ? null
                : BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP);
    }

    private static LocalDate date(String value) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // try the next way of writing it
            }
        }
        return null;
    }
}
