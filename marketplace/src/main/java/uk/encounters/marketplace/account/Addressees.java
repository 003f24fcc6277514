package uk.encounters.marketplace.account;

import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;

/** Whom a placement's message goes to: everyone able to sign in with a role over a school, hub or organisation. */
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
}
