package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.outbox.Attachment;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * A booking declined after its round's digest put it in the employer's calendar: the employer is
 * sent the cancellation (parsed here as a calendar app would), the feed drops it, and the other side is told.
 */
class DeclinedBookingCalendarTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Pattern CALENDAR = Pattern.compile("value=\"https?://[^/\"]+(/calendar/[^\"]+\\.ics)\"");

    static RunningApp app;
    static TestData data;
    static long school;
    static long employer;
    static long offer;
    static long volunteer;
    Visitor visitor;

    @BeforeAll
    static void start() {
        data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.POSTCODE, "DE22 3HU")
                .where(SCHOOL.ID.eq(school))
                .execute();
        employer = data.employer(hub, "Acme, Engineering; Ltd");
        offer = data.offer(employer, OfferStatus.ACTIVE, TODAY.plusMonths(4));
        volunteer = data.volunteer(employer);
        Accounts.create(db.dsl(), "priya@acme.example", "Priya", Scope.employer(employer));
        Accounts.create(db.dsl(), "lee@bemrose.example", "Lee", Scope.careersLeader(school));
        Accounts.create(db.dsl(), "cora@derbyhub.example", "Cora", Scope.coordinator(hub));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void signIn() {
        visitor = new Visitor(app).signIn("priya@acme.example", Accounts.PASSWORD);
    }

    long publishedBooking(LocalDate on) {
        long request = data.request(school, 9, RequestStatus.MATCHED, on.minusDays(3));
        return data.booking(request, offer, volunteer, on, BookingStatus.PUBLISHED);
    }

    static BookingStatus status(long booking) {
        return db.dsl().fetchValue(BOOKING.STATUS, BOOKING.ID.eq(booking));
    }

    @Test
    void aBookingTheEmployerDeclinesLeavesItsCalendarByACancellationAndTheSchoolIsTold() throws Exception {
        long booking = publishedBooking(TODAY.plusDays(15));
        String path = "/employers/" + employer + "/bookings/" + booking + "/decline";
        visitor.get(path);

        visitor.post(path, Map.of("reason", "Our engineer is away that week"));

        Record toEmployer = message(booking, "priya@acme.example");
        assertThat(toEmployer.get(OUTBOX.SUBJECT)).startsWith("Cancelled: Careers talk for Year 9 at Bemrose School, ");
        assertThat(toEmployer.get(OUTBOX.BODY_TEXT)).contains("You declined").contains("Our engineer is away");
        assertThat(toEmployer.get(OUTBOX.REPLY_TO)).isEqualTo("cora@derbyhub.example");
        assertThat(toEmployer.get(OUTBOX.LIST_UNSUBSCRIBE)).isNull();
        VEvent cancelled = cancellationIn(toEmployer, booking);
        assertThat(cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("1");
        assertThat(cancelled.getProperty(Property.STATUS).orElseThrow().getValue())
                .isEqualTo("CANCELLED");
        assertThat(cancelled.getProperty(Property.ORGANIZER).orElseThrow().getValue())
                .isEqualTo("mailto:no-reply@localhost");

        Record toSchool = message(booking, "lee@bemrose.example");
        assertThat(toSchool.get(OUTBOX.SUBJECT)).startsWith("Acme, Engineering; Ltd cannot come: Careers talk");
        assertThat(toSchool.get(OUTBOX.BODY_TEXT))
                .contains("go back into the next matching round")
                .contains("Our engineer is away that week");
        assertThat(toSchool.get(OUTBOX.REPLY_TO)).isEqualTo("cora@derbyhub.example");
    }

    @Test
    void aBookingTheSchoolDeclinesLeavesTheEmployersCalendarAndFeedWithRepliesGoingToTheSchool() throws Exception {
        long booking = publishedBooking(TODAY.plusDays(16));
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.STATUS, BookingStatus.CONFIRMED)
                .where(BOOKING.ID.eq(booking))
                .execute();
        visitor.get("/employers/" + employer);
        Matcher link = CALENDAR.matcher(
                visitor.post("/employers/" + employer + "/calendar", Map.of()).body());
        assertThat(link.find()).isTrue();
        assertThat(new Visitor(app).get(link.group(1)).body()).contains("UID:booking-" + booking + "@localhost");
        Visitor leader = new Visitor(app).signIn("lee@bemrose.example", Accounts.PASSWORD);
        String path = "/schools/" + school + "/bookings/" + booking + "/decline";
        leader.get(path);

        leader.post(path, Map.of("reason", "Mock exams moved to that week"));

        assertThat(status(booking)).isEqualTo(BookingStatus.DECLINED);
        Record toEmployer = message(booking, "priya@acme.example");
        assertThat(toEmployer.get(OUTBOX.BODY_TEXT))
                .contains("Bemrose School has cancelled")
                .contains("Mock exams moved to that week");
        assertThat(toEmployer.get(OUTBOX.REPLY_TO)).isEqualTo("lee@bemrose.example");
        assertThat(cancellationIn(toEmployer, booking)
                        .getProperty(Property.SEQUENCE)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("1");
        assertThat(db.dsl()
                        .fetchCount(
                                OUTBOX,
                                OUTBOX.IDEMPOTENCY_KEY
                                        .like("booking-declined:" + booking + ":%")
                                        .and(OUTBOX.RECIPIENT.eq("lee@bemrose.example"))))
                .as("the school knows: it declined")
                .isZero();
        // the feed the employer's calendar subscribes to drops it
        assertThat(new Visitor(app).get(link.group(1)).body()).doesNotContain("UID:booking-" + booking + "@");
    }

    /** The message about a declined booking to {@code recipient}. */
    static Record message(long booking, String recipient) {
        return db.dsl()
                .select(OUTBOX.SUBJECT, OUTBOX.BODY_TEXT, OUTBOX.REPLY_TO, OUTBOX.LIST_UNSUBSCRIBE, OUTBOX.ATTACHMENTS)
                .from(OUTBOX)
                .where(OUTBOX.IDEMPOTENCY_KEY.like("booking-declined:" + booking + ":%"))
                .and(OUTBOX.RECIPIENT.eq(recipient))
                .fetchSingle();
    }

    /** The booking's event in the message's calendar file, parsed as a calendar app would: a cancellation. */
    static VEvent cancellationIn(Record message, long booking) throws Exception {
        List<Attachment> files = Outbox.attachments(message.get(OUTBOX.ATTACHMENTS));
        assertThat(files)
                .singleElement()
                .satisfies(file -> assertThat(file.contentType()).startsWith("text/calendar"));
        Calendar calendar = new CalendarBuilder()
                .build(new StringReader(new String(files.getFirst().content(), StandardCharsets.UTF_8)));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("CANCEL");
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events)
                .singleElement()
                .satisfies(event -> assertThat(
                                event.getProperty(Property.UID).orElseThrow().getValue())
                        .isEqualTo("booking-" + booking + "@localhost"));
        return events.getFirst();
    }
}
