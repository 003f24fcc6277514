package uk.encounters.marketplace.booking;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_VISITOR_ARRANGEMENTS;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import uk.encounters.marketplace.employer.SiteDetails;
import uk.encounters.marketplace.school.VisitorArrangements;

/**
 * Where a booking happens and how to get in, read with the booking: the school's visitor
 * arrangements (the usual ones when it has saved none), the employer's site, or an event's venue.
 * A query using it joins EMPLOYER (the offer's) and left-joins EVENT, SCHOOL (the request's or the
 * school's own event's) and SCHOOL_VISITOR_ARRANGEMENTS.
 */
final class BookingPlaces {

    private static final List<Field<?>> FIELDS = List.of(
            BOOKING.PERIOD,
            BOOKING.STARTS_ON,
            BOOKING.ENDS_ON,
            REQUEST.IN_SCHOOL,
            OFFER.IN_SCHOOL,
            REQUEST.AT_WORKPLACE,
            OFFER.AT_WORKPLACE,
            SCHOOL.NAME,
            SCHOOL.POSTCODE,
            SCHOOL_VISITOR_ARRANGEMENTS.VISITOR_ADDRESS,
            SCHOOL_VISITOR_ARRANGEMENTS.MEETING_POINT,
            SCHOOL_VISITOR_ARRANGEMENTS.PARKING,
            SCHOOL_VISITOR_ARRANGEMENTS.SIGN_IN_RULES,
            SCHOOL_VISITOR_ARRANGEMENTS.CONTACT_NAME,
            SCHOOL_VISITOR_ARRANGEMENTS.CONTACT_PHONE,
            SCHOOL_VISITOR_ARRANGEMENTS.MORNING_START,
            SCHOOL_VISITOR_ARRANGEMENTS.MORNING_END,
            SCHOOL_VISITOR_ARRANGEMENTS.AFTERNOON_START,
            SCHOOL_VISITOR_ARRANGEMENTS.AFTERNOON_END,
            EMPLOYER.NAME,
            EMPLOYER.POSTCODE,
            EMPLOYER.SITE_ADDRESS,
            EMPLOYER.SITE_CONTACT_NAME,
            EMPLOYER.SITE_CONTACT_PHONE,
            EMPLOYER.ARRIVAL_INSTRUCTIONS,
            EVENT.ID,
            EVENT.SCHOOL_ID,
            EVENT.VENUE_NAME,
            EVENT.VENUE_POSTCODE,
            EVENT.ONLINE);

    private static final String ONLINE = "Online (the school sends the joining link)";

    private BookingPlaces() {}

    /** A booking query's own columns, in their order, then those this reads that it lacks. */
    static Set<SelectFieldOrAsterisk> with(SelectFieldOrAsterisk... own) {
        Set<SelectFieldOrAsterisk> fields = new LinkedHashSet<>(List.of(own));
        fields.addAll(FIELDS);
        return fields;
    }

    static EmployerBooking.Place place(Record r) {
        if (r.get(EVENT.ID) != null) {
            // a stall: the event is at the school that posted it, at the hub's venue, or online
            return r.get(EVENT.ONLINE)
                    ? EmployerBooking.Place.ONLINE
                    : r.get(EVENT.SCHOOL_ID) != null ? EmployerBooking.Place.SCHOOL : EmployerBooking.Place.VENUE;
        }
        return EmployerBooking.Place.of(
                r.get(REQUEST.IN_SCHOOL),
                r.get(OFFER.IN_SCHOOL),
                r.get(REQUEST.AT_WORKPLACE),
                r.get(OFFER.AT_WORKPLACE));
    }

    /**
     * For the employer: the school's address and arrangements; for a workplace visit, their own
     * site, and the school's contact in case the group is late.
     */
    static Arrival forEmployer(Record r) {
        VisitorArrangements school = visitors(r);
        return switch (place(r)) {
            case SCHOOL ->
                arrival(
                        r,
                        school,
                        "",
                        schoolAddress(r, school),
                        school.meetingPoint(),
                        school.parking(),
                        school.signInRules(),
                        school.contactName(),
                        school.contactPhone());
            case WORKPLACE ->
                arrival(
                        r,
                        school,
                        "The group",
                        siteAddress(r, site(r)),
                        "",
                        "",
                        "",
                        school.contactName(),
                        school.contactPhone());
            case VENUE -> arrival(r, school, "", venueAddress(r), "", "", "", "", "");
            case ONLINE -> arrival(r, school, "", ONLINE, "", "", "", school.contactName(), school.contactPhone());
        };
    }

    /**
     * For the school: for a workplace visit, the employer's site, its contact and how to get in;
     * otherwise its own address (the volunteer's details stay with the employer).
     */
    static Arrival forSchool(Record r) {
        VisitorArrangements school = visitors(r);
        return switch (place(r)) {
            case SCHOOL -> arrival(r, school, "The volunteer", schoolAddress(r, school), "", "", "", "", "");
            case WORKPLACE -> {
                SiteDetails site = site(r);
                yield arrival(
                        r,
                        school,
                        "",
                        siteAddress(r, site),
                        "",
                        "",
                        site.arrivalInstructions(),
                        site.contactName(),
                        site.contactPhone());
            }
            case VENUE -> arrival(r, school, "", venueAddress(r), "", "", "", "", "");
            case ONLINE -> arrival(r, school, "", ONLINE, "", "", "", "", "");
        };
    }

    private static String venueAddress(Record r) {
        return nameAndPostcode(r.get(EVENT.VENUE_NAME), r.get(EVENT.VENUE_POSTCODE));
    }

    private static Arrival arrival(
            Record r,
            VisitorArrangements school,
            String arriving,
            String address,
            String meetingPoint,
            String parking,
            String signingIn,
            String contactName,
            String contactPhone) {
        String period = r.get(BOOKING.PERIOD);
        return new Arrival(
                place(r),
                arriving,
                address,
                meetingPoint,
                parking,
                signingIn,
                contactName,
                contactPhone,
                school.sessionStart(period),
                school.sessionEnd(period),
                !r.get(BOOKING.STARTS_ON).equals(r.get(BOOKING.ENDS_ON)));
    }

    /** What the school saved, or the usual arrangements when it has saved none (no row joined). */
    private static VisitorArrangements visitors(Record r) {
        var a = SCHOOL_VISITOR_ARRANGEMENTS;
        if (r.get(a.MORNING_START) == null) {
            return VisitorArrangements.usual();
        }
        return new VisitorArrangements(
                r.get(a.VISITOR_ADDRESS),
                r.get(a.MEETING_POINT),
                r.get(a.PARKING),
                r.get(a.SIGN_IN_RULES),
                r.get(a.CONTACT_NAME),
                r.get(a.CONTACT_PHONE),
                r.get(a.MORNING_START),
                r.get(a.MORNING_END),
                r.get(a.AFTERNOON_START),
                r.get(a.AFTERNOON_END));
    }

    private static SiteDetails site(Record r) {
        return new SiteDetails(
                r.get(EMPLOYER.SITE_ADDRESS),
                r.get(EMPLOYER.SITE_CONTACT_NAME),
                r.get(EMPLOYER.SITE_CONTACT_PHONE),
                r.get(EMPLOYER.ARRIVAL_INSTRUCTIONS));
    }

    /** The address the school gave for visitors, else its name and postcode. */
    private static String schoolAddress(Record r, VisitorArrangements school) {
        return school.address().isBlank()
                ? nameAndPostcode(r.get(SCHOOL.NAME), r.get(SCHOOL.POSTCODE))
                : school.address();
    }

    private static String siteAddress(Record r, SiteDetails site) {
        return site.address().isBlank()
                ? nameAndPostcode(r.get(EMPLOYER.NAME), r.get(EMPLOYER.POSTCODE))
                : site.address();
    }

    private static String nameAndPostcode(String name, String postcode) {
        return postcode == null ? name : name + "\n" + postcode;
    }
}
