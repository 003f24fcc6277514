package uk.encounters.marketplace.account;

import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import uk.encounters.marketplace.outbox.ReplyAddresses;

/**
 * Whom a message goes to: everyone able to sign in with a role over a school, hub or organisation;
 * and whom its replies go to.
 */
public final class Addressees {

    /** Someone a message goes to. */
    public record Person(String email, String name) {

        public String greeting() {
            return name == null || name.isBlank() ? "Hello," : "Hello " + name.strip() + ",";
        }
    }

    private Addressees() {}

    /** In address order; {@code scope} names the school, hub or organisation ({@code USER_SCOPE.SCHOOL_ID.eq(..)}). */
    public static List<Person> withRole(DSLContext dsl, Condition scope, Role role) {
        return dsl.selectDistinct(APP_USER.EMAIL, APP_USER.DISPLAY_NAME)
                .from(USER_SCOPE)
                .join(APP_USER)
                .on(APP_USER.ID.eq(USER_SCOPE.USER_ID))
                .where(scope)
                .and(USER_SCOPE.ROLE.eq(role.code()))
                .and(APP_USER.DISABLED_AT.isNull())
                .orderBy(APP_USER.EMAIL)
                .fetch(Records.mapping(Person::new));
    }

    /**
     * Whom a message about an organisation's booking goes to: the people who sign in for it, else
     * the volunteer giving the booking (none when neither is known).
     */
    public static List<Person> ofEmployer(
            DSLContext dsl, long employerId, String volunteerEmail, String volunteerName) {
        List<Person> own = withRole(dsl, USER_SCOPE.EMPLOYER_ID.eq(employerId), Role.EMPLOYER);
        if (!own.isEmpty() || volunteerEmail == null) {
            return own;
        }
        return List.of(new Person(volunteerEmail, volunteerName));
    }

    /** Replies to the hub's messages: the address the hub gave, else its coordinators. */
    public static ReplyAddresses replyToHub(DSLContext dsl, long hubId) {
        String given =
                dsl.select(HUB.REPLY_TO_EMAIL).from(HUB).where(HUB.ID.eq(hubId)).fetchOne(HUB.REPLY_TO_EMAIL);
        if (given != null) {
            return new ReplyAddresses(List.of(given));
        }
        return addressesOf(withRole(dsl, USER_SCOPE.HUB_ID.eq(hubId), Role.COORDINATOR));
    }

    /** Replies to a message about a school's own request or event: its careers leaders. */
    public static ReplyAddresses replyToSchool(DSLContext dsl, long schoolId) {
        return addressesOf(withRole(dsl, USER_SCOPE.SCHOOL_ID.eq(schoolId), Role.CAREERS_LEADER));
    }

    private static ReplyAddresses addressesOf(List<Person> people) {
        return new ReplyAddresses(people.stream().map(Person::email).toList());
    }
}
