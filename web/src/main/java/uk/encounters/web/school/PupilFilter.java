package uk.encounters.web.school;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.web.form.Form;

/**
 * Which of a year group's pupils "Who goes" lists below those going: a reference (or part of one)
 * and the groups the school flagged. A pupil shows when their reference contains the text and they
 * are in any of the ticked groups. It narrows the list only: pupils going are always listed, so
 * saving from a filtered page never drops anyone.
 */
public record PupilFilter(String reference, boolean disadvantaged, boolean send, boolean eal) {

    public static final PupilFilter NONE = new PupilFilter("", false, false, false);

    /** Read from a GET form's fields (or the same fields carried by the save form). */
    public static PupilFilter from(Form form) {
        return new PupilFilter(
                form.text("reference", "Reference", 40),
                form.checked("disadvantaged"),
                form.checked("send"),
                form.checked("eal"));
    }

    public boolean active() {
        return !reference.isEmpty() || disadvantaged || send || eal;
    }

    public boolean shows(PupilProgress pupil, String pupilReference) {
        boolean groups = !(disadvantaged || send || eal)
                || (disadvantaged && pupil.disadvantaged())
                || (send && pupil.send())
                || (eal && pupil.eal());
        return groups && pupilReference.toLowerCase(Locale.ROOT).contains(reference.toLowerCase(Locale.ROOT));
    }

    /** What the filter asks for, in words: "disadvantaged or SEND pupils whose reference contains 7A". */
    public String description() {
        List<String> groups = new ArrayList<>();
        if (disadvantaged) {
            groups.add("disadvantaged");
        }
        if (send) {
            groups.add("SEND");
        }
        if (eal) {
            groups.add("EAL");
        }
        String who = groups.isEmpty() ? "pupils" : String.join(" or ", groups) + " pupils";
        return reference.isEmpty() ? who : who + " whose reference contains \u201c" + reference + "\u201d";
    }

    /** The filter as an address's query ("" for none), so a save returns to the same list. */
    public String query() {
        List<String> fields = new ArrayList<>();
        if (!reference.isEmpty()) {
            fields.add("reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8));
        }
        if (disadvantaged) {
            fields.add("disadvantaged=on");
        }
        if (send) {
            fields.add("send=on");
        }
        if (eal) {
            fields.add("eal=on");
        }
        return fields.isEmpty() ? "" : "?" + String.join("&", fields);
    }
}
