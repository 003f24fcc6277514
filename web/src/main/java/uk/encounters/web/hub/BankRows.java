package uk.encounters.web.hub;

import io.vertx.core.MultiMap;
import java.time.LocalDate;
import java.util.Optional;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.employer.BankLine;
import uk.encounters.marketplace.employer.PostcodeDistrict;
import uk.encounters.marketplace.employer.SizeBand;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Form;

/**
 * A line of an employer bank file checked by the rules of the forms its fields come from: a UK
 * postcode, one of the ONS sectors, a size band or a staff count, well-formed emails, a real date,
 * and no control characters anywhere.
 */
final class BankRows implements CsvImport.RowShape<BankLine> {

    private static final String SAFEGUARDING = "When the volunteer's safeguarding check runs out";

    @Override
    public MultiMap fields(CsvTable.Row row) {
        return MultiMap.caseInsensitiveMultiMap()
                .add("organisation", row.get("organisation"))
                .add("postcode", row.get("postcode"))
                .add("sector", row.get("sector"))
                .add("size", row.get("size"))
                .add("contactName", row.get("contact_name"))
                .add("contactEmail", row.get("contact_email"))
                .add("volunteerName", row.get("volunteer_name"))
                .add("volunteerEmail", row.get("volunteer_email"))
                .add("safeguardingUntil", row.get("safeguarding_checked_until"))
                .add("agency", row.get("agency"));
    }

    @Override
    public Optional<BankLine> read(Form form, CsvTable.Row row) {
        String organisation = form.name("organisation", "The organisation", 200);
        String postcode = postcode(form);
        String sector = sector(form);
        String size = form.required("size", "The size", 20);
        Optional<String> sizeBand = SizeBand.read(size);
        if (!size.isEmpty() && sizeBand.isEmpty()) {
            form.error("size", "The size must be micro, small, medium or large, or a number of staff like 10-49");
        }
        String contactName = form.text("contactName", "The contact's name", 200);
        String contactEmail = form.text("contactEmail", "The contact's email", 320);
        if (!contactEmail.isEmpty()) {
            form.email("contactEmail", "The contact's email");
            form.required("contactName", "The contact's name", 200);
        }
        String volunteerName = form.text("volunteerName", "The volunteer's name", 200);
        String volunteerEmail = form.text("volunteerEmail", "The volunteer's email", 320);
        boolean volunteer = !volunteerName.isEmpty() || !volunteerEmail.isEmpty();
        if (volunteer) {
            form.required("volunteerName", "The volunteer's name", 200);
            form.email("volunteerEmail", "The volunteer's email");
        }
        LocalDate checkedUntil = form.optionalDate("safeguardingUntil", SAFEGUARDING);
        if (!form.value("safeguardingUntil").isEmpty() && !volunteer) {
            form.error("safeguardingUntil", "A safeguarding date needs the volunteer's name and email on the line");
        }
        String agency = form.text("agency", "The agency", 200);
        if (form.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new BankLine(
                row.line(),
                organisation,
                postcode,
                sector,
                sizeBand.orElseThrow(),
                contactName,
                contactEmail,
                volunteerName,
                volunteerEmail,
                checkedUntil,
                agency));
    }

    @Override
    public String summary(CsvTable.Row row) {
        String volunteer = row.get("volunteer_name");
        return row.get("organisation") + (volunteer.isEmpty() ? "" : ", volunteer " + volunteer);
    }

    private static String postcode(Form form) {
        String typed = form.required("postcode", "The postcode", 10);
        Optional<String> postcode = PostcodeDistrict.normalisePostcode(typed);
        if (!typed.isEmpty() && postcode.isEmpty()) {
            form.error("postcode", "Enter a UK postcode, like DE1 2AB");
        }
        return postcode.orElse(typed);
    }

    /** One of the ONS groups, whatever its case. */
    private static String sector(Form form) {
        String typed = form.required("sector", "The sector", 60);
        Optional<String> sector =
                Sectors.ALL.stream().filter(s -> s.equalsIgnoreCase(typed)).findFirst();
        if (!typed.isEmpty() && sector.isEmpty()) {
            form.error("sector", "The sector must be one of the ONS groups, like Manufacturing, Health or Retail");
        }
        return sector.orElse(typed);
    }
}
