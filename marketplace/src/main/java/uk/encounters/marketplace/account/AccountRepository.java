package uk.encounters.marketplace.account;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * People who can sign in and the scopes they hold. The finders return enabled accounts only, so
 * a disabled person's session, link or password stops working at once. Every write is a single
 * statement; construct the repository over a transaction's {@code DSLContext} to join it.
 */
public final class AccountRepository {

    private static final Field<List<Scope>> SCOPES = multiset(select(
                            USER_SCOPE.ROLE.convertFrom(Role::fromCode),
                            USER_SCOPE.SCHOOL_ID,
                            USER_SCOPE.EMPLOYER_ID,
                            USER_SCOPE.HUB_ID)
                    .from(USER_SCOPE)
                    .where(USER_SCOPE.USER_ID.eq(APP_USER.ID))
                    .orderBy(USER_SCOPE.ID))
            .convertFrom(scopes -> scopes.map(mapping(Scope::new)));

    /** What signing in with a password needs to know; package-private so the hash stays in here. */
    record Credentials(long userId, String passwordHash, boolean disabled) {}

    /** The names of the places a person's scopes are at, by id: for saying what they can do. */
    public record PlaceNames(Map<Long, String> hubs, Map<Long, String> schools, Map<Long, String> employers) {}

    private final DSLContext dsl;

    public AccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Account> findById(long id) {
        return findAll(APP_USER.ID.eq(id)).stream().findFirst();
    }

    /** Emails are unique whatever their case, and found whatever the case typed. */
    public Optional<Account> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return findAll(byEmail(email)).stream().findFirst();
    }

    /** True when anyone, enabled or disabled, already has this email in any case. */
    public boolean emailTaken(String email) {
        return email != null && dsl.fetchExists(APP_USER, byEmail(email));
    }

    /** The coordinators of the hub and the careers leaders and enterprise advisers of its schools, by name. */
    public List<Account> findByHub(long hubId) {
        return findAll(exists(selectOne()
                .from(USER_SCOPE)
                .where(USER_SCOPE.USER_ID.eq(APP_USER.ID))
                .and(USER_SCOPE
                        .ROLE
                        .eq(Role.COORDINATOR.code())
                        .and(USER_SCOPE.HUB_ID.eq(hubId))
                        .or(USER_SCOPE
                                .ROLE
                                .in(Role.CAREERS_LEADER.code(), Role.ENTERPRISE_ADVISER.code())
                                .and(USER_SCOPE.SCHOOL_ID.in(
                                        select(SCHOOL.ID).from(SCHOOL).where(SCHOOL.HUB_ID.eq(hubId))))))));
    }

    /** Whoever holds exactly this scope (the hub's coordinators, say), by name. */
    public List<Account> findHolding(Scope scope) {
        return findAll(exists(selectOne()
                .from(USER_SCOPE)
                .where(USER_SCOPE.USER_ID.eq(APP_USER.ID))
                .and(sameScope(scope))));
    }

    /** The hubs, schools and employers of the account's scopes, named. */
    public PlaceNames findPlaceNames(Account account) {
        return new PlaceNames(
                dsl.select(HUB.ID, HUB.NAME)
                        .from(HUB)
                        .where(HUB.ID.in(account.hubIds()))
                        .fetchMap(HUB.ID, HUB.NAME),
                dsl.select(SCHOOL.ID, SCHOOL.NAME)
                        .from(SCHOOL)
                        .where(SCHOOL.ID.in(account.schoolIds()).or(SCHOOL.ID.in(account.advisedSchoolIds())))
                        .fetchMap(SCHOOL.ID, SCHOOL.NAME),
                dsl.select(EMPLOYER.ID, EMPLOYER.NAME)
                        .from(EMPLOYER)
                        .where(EMPLOYER.ID.in(account.employerIds()))
                        .fetchMap(EMPLOYER.ID, EMPLOYER.NAME));
    }

    public Optional<String> passwordHashOf(long userId) {
        return dsl.select(APP_USER.PASSWORD_HASH)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.PASSWORD_HASH);
    }

    /**
     * Inserts the person and their first scope in one statement (a data-modifying CTE), so there
     * is never a person without a scope. A taken email, in any case, fails on app_user_email_uk.
     */
    public long create(String email, String displayName, String passwordHashOrNull, Scope scope) {
        var newUser = name("new_user")
                .as(dsl.insertInto(
                                APP_USER,
                                APP_USER.EMAIL,
                                APP_USER.DISPLAY_NAME,
                                APP_USER.PASSWORD_HASH,
                                APP_USER.PASSWORD_CHANGED_AT)
                        .values(
                                val(email.strip()),
                                val(displayName.strip()),
                                val(passwordHashOrNull),
                                passwordHashOrNull == null
                                        ? val(null, APP_USER.PASSWORD_CHANGED_AT)
                                        : currentOffsetDateTime())
                        .returning(APP_USER.ID));
        return dsl.with(newUser)
                .insertInto(
                        USER_SCOPE,
                        USER_SCOPE.USER_ID,
                        USER_SCOPE.ROLE,
                        USER_SCOPE.SCHOOL_ID,
                        USER_SCOPE.EMPLOYER_ID,
                        USER_SCOPE.HUB_ID)
                .select(select(
                                newUser.field(APP_USER.ID),
                                val(scope.role().code()),
                                val(scope.schoolId(), USER_SCOPE.SCHOOL_ID),
                                val(scope.employerId(), USER_SCOPE.EMPLOYER_ID),
                                val(scope.hubId(), USER_SCOPE.HUB_ID))
                        .from(newUser))
                .returning(USER_SCOPE.USER_ID)
                .fetchOne(USER_SCOPE.USER_ID);
    }

    /** A person with no role yet, e.g. someone who offered a talk for an organisation they cannot speak for. */
    public long createWithoutScope(String email, String displayName) {
        return dsl.insertInto(APP_USER, APP_USER.EMAIL, APP_USER.DISPLAY_NAME)
                .values(email.strip(), displayName.strip())
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID);
    }

    /** Grants the scope; granting one the person already holds changes nothing. */
    public void addScope(long userId, Scope scope) {
        dsl.insertInto(
                        USER_SCOPE,
                        USER_SCOPE.USER_ID,
                        USER_SCOPE.ROLE,
                        USER_SCOPE.SCHOOL_ID,
                        USER_SCOPE.EMPLOYER_ID,
                        USER_SCOPE.HUB_ID)
                .select(select(
                                val(userId),
                                val(scope.role().code()),
                                val(scope.schoolId(), USER_SCOPE.SCHOOL_ID),
                                val(scope.employerId(), USER_SCOPE.EMPLOYER_ID),
                                val(scope.hubId(), USER_SCOPE.HUB_ID))
                        .whereNotExists(selectOne().from(USER_SCOPE).where(held(userId, scope))))
                .execute();
    }

    public void removeScope(long userId, Scope scope) {
        dsl.deleteFrom(USER_SCOPE).where(held(userId, scope)).execute();
    }

    /** A new password chosen by the person (or set by an invitation): records when it changed. */
    public void setPassword(long userId, String hash) {
        dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, hash)
                .set(APP_USER.PASSWORD_CHANGED_AT, currentOffsetDateTime())
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    /** Ends every session of the person that began before {@code at}: a new password, "sign out everywhere". */
    public void endSessions(long userId, java.time.Instant at) {
        dsl.update(APP_USER)
                .set(APP_USER.SESSIONS_ENDED_AT, at.atOffset(java.time.ZoneOffset.UTC))
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    /** Disabled people cannot sign in by any means; nothing of theirs is deleted. */
    public void disable(long userId) {
        dsl.update(APP_USER)
                .set(APP_USER.DISABLED_AT, currentOffsetDateTime())
                .where(APP_USER.ID.eq(userId))
                .and(APP_USER.DISABLED_AT.isNull())
                .execute();
    }

    public void enable(long userId) {
        dsl.update(APP_USER)
                .set(APP_USER.DISABLED_AT, val(null, APP_USER.DISABLED_AT))
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    Optional<Credentials> findCredentials(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return dsl.select(APP_USER.ID, APP_USER.PASSWORD_HASH, APP_USER.DISABLED_AT.isNotNull())
                .from(APP_USER)
                .where(byEmail(email))
                .fetchOptional(mapping(Credentials::new));
    }

    /**
     * Replaces a hash made with older parameters by one of the same password; a no-op if the
     * password changed meanwhile. Not a password change, so password_changed_at stays.
     */
    void replaceHash(long userId, String oldHash, String newHash) {
        dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, newHash)
                .where(APP_USER.ID.eq(userId))
                .and(APP_USER.PASSWORD_HASH.eq(oldHash))
                .execute();
    }

    private List<Account> findAll(Condition condition) {
        return dsl.select(
                        APP_USER.ID,
                        APP_USER.EMAIL,
                        APP_USER.DISPLAY_NAME,
                        SCOPES,
                        APP_USER.SESSIONS_ENDED_AT.convertFrom(t -> t == null ? null : t.toInstant()),
                        APP_USER.TOTP_CONFIRMED_AT.isNotNull())
                .from(APP_USER)
                .where(condition)
                .and(APP_USER.DISABLED_AT.isNull())
                .orderBy(APP_USER.DISPLAY_NAME, APP_USER.ID)
                .fetch(mapping(Account::new));
    }

    // lower(email) = lower(?) is what the app_user_email_uk expression index answers.
    private static Condition byEmail(String email) {
        return lower(APP_USER.EMAIL).eq(lower(val(email.strip())));
    }

    private static Condition held(long userId, Scope scope) {
        return USER_SCOPE.USER_ID.eq(userId).and(sameScope(scope));
    }

    private static Condition sameScope(Scope scope) {
        return USER_SCOPE
                .ROLE
                .eq(scope.role().code())
                .and(USER_SCOPE.SCHOOL_ID.isNotDistinctFrom(scope.schoolId()))
                .and(USER_SCOPE.EMPLOYER_ID.isNotDistinctFrom(scope.employerId()))
                .and(USER_SCOPE.HUB_ID.isNotDistinctFrom(scope.hubId()));
    }
}
