package uk.encounters.marketplace.employer;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import uk.encounters.marketplace.account.SecretToken;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.school.PlaceByPostcode;
import uk.encounters.matcher.domain.Location;

/**
 * Organisations, one record each. An organisation merged into another keeps its row (so old
 * links and audit entries still resolve) but points at the survivor, and finders follow that.
 */
public final class EmployerRepository {

    /** Two records a coordinator may want to merge, and why they look like one organisation. */
    public record LikelyDuplicate(Employer first, Employer second, ExistingEmployer.Reason reason) {}

    private final DSLContext dsl;

    public EmployerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Employer> findById(long employerId) {
        return dsl.select(columns())
                .from(EMPLOYER)
                .where(EMPLOYER.ID.eq(employerId))
                .fetchOptional(EmployerRepository::employer);
    }

    /** Where the organisation is, as matching measures its travel; empty when that is not known. */
    public Optional<Location> findLocation(long employerId) {
        return dsl.select(EMPLOYER.LATITUDE, EMPLOYER.LONGITUDE)
                .from(EMPLOYER)
                .where(EMPLOYER.ID.eq(employerId))
                .and(EMPLOYER.LATITUDE.isNotNull())
                .and(EMPLOYER.LONGITUDE.isNotNull())
                .fetchOptional(mapping(Location::new));
    }

    /** The record that stands for this one now: itself, or the one it was merged into. */
    public Optional<Employer> findCurrent(long employerId) {
        Optional<Employer> employer = findById(employerId);
        // merges keep chains one link long, but a guard costs nothing
        for (int hops = 0; employer.isPresent() && employer.get().merged() && hops < 10; hops++) {
            employer = findById(employer.get().mergedIntoId());
        }
        return employer;
    }

    /**
     * The organisation an offer comes from, when it is already here: by the email's own domain
     * (never a free-mail one), by name and postcode, or by a near-identical name in the same
     * postcode district. The strongest evidence wins.
     */
    public Optional<ExistingEmployer> findExisting(String name, String email, String postcode) {
        Optional<String> domain = EmailDomains.organisationDomain(email);
        if (domain.isPresent()) {
            Optional<ExistingEmployer> byDomain =
                    firstCurrent(EMPLOYER.EMAIL_DOMAIN.eq(domain.get()), ExistingEmployer.Reason.SAME_EMAIL_DOMAIN);
            if (byDomain.isPresent()) {
                return byDomain;
            }
        }
        String normalised = OrganisationName.normalise(name);
        Optional<String> fullPostcode = PostcodeDistrict.normalisePostcode(postcode);
        if (fullPostcode.isPresent()) {
            Optional<ExistingEmployer> byNameAndPostcode = firstCurrent(
                    EMPLOYER.NORMALISED_NAME.eq(normalised).and(EMPLOYER.POSTCODE.eq(fullPostcode.get())),
                    ExistingEmployer.Reason.SAME_NAME_AND_POSTCODE);
            if (byNameAndPostcode.isPresent()) {
                return byNameAndPostcode;
            }
        }
        return inDistrict(PostcodeDistrict.of(postcode)).stream()
                .filter(e -> OrganisationName.nearlyEqual(normalised, OrganisationName.normalise(e.name())))
                .findFirst()
                .flatMap(e -> current(e, ExistingEmployer.Reason.SIMILAR_NAME_NEARBY));
    }

    /** A new organisation, placed by its postcode ({@link PlaceByPostcode}). */
    public long create(
            long hubId,
            String name,
            String email,
            String postcode,
            String sizeBand,
            String sector,
            boolean cornerstone,
            int maxAsksPerMonth) {
        var location = PlaceByPostcode.of(dsl, hubId, PostcodeDistrict.of(postcode));
        long id = dsl.insertInto(EMPLOYER)
                .set(EMPLOYER.REGISTERED_IN_HUB_ID, hubId)
                .set(EMPLOYER.NAME, name.strip())
                .set(EMPLOYER.NORMALISED_NAME, OrganisationName.normalise(name))
                .set(
                        EMPLOYER.EMAIL_DOMAIN,
                        EmailDomains.organisationDomain(email).orElse(null))
                .set(EMPLOYER.POSTCODE, postcode)
                .set(EMPLOYER.LATITUDE, location.latitude())
                .set(EMPLOYER.LONGITUDE, location.longitude())
                .set(EMPLOYER.SIZE_BAND, sizeBand)
                .set(EMPLOYER.SECTOR, sector)
                .returning(EMPLOYER.ID)
                .fetchOne(EMPLOYER.ID);
        dsl.insertInto(EMPLOYER_HUB_PRESENCE)
                .set(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID, id)
                .set(EMPLOYER_HUB_PRESENCE.HUB_ID, hubId)
                .set(EMPLOYER_HUB_PRESENCE.CORNERSTONE, cornerstone)
                .set(EMPLOYER_HUB_PRESENCE.MAX_ASKS_PER_MONTH, (short) maxAsksPerMonth)
                .execute();
        return id;
    }

    /**
     * Makes an organisation registered elsewhere present in this hub too, with the hub's defaults
     * (not a cornerstone, one ask a month); an existing presence is left as it is.
     *
     * @return whether it was new to the hub
     */
    public boolean addPresence(long employerId, long hubId) {
        return dsl.insertInto(EMPLOYER_HUB_PRESENCE)
                        .set(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID, employerId)
                        .set(EMPLOYER_HUB_PRESENCE.HUB_ID, hubId)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    public boolean isPresent(long employerId, long hubId) {
        return dsl.fetchExists(
                EMPLOYER_HUB_PRESENCE,
                EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(employerId).and(EMPLOYER_HUB_PRESENCE.HUB_ID.eq(hubId)));
    }

    /** The employer's own wish, so it holds for every hub it works with. */
    public void setContactPreference(long employerId, int maxAsksPerMonth) {
        dsl.update(EMPLOYER_HUB_PRESENCE)
                .set(EMPLOYER_HUB_PRESENCE.MAX_ASKS_PER_MONTH, (short) maxAsksPerMonth)
                .where(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(employerId))
                .execute();
    }

    /**
     * Cornerstones commit capacity across the hub's schools: matching sets them no cap per round.
     * One hub's mark says nothing of another's.
     */
    public void setCornerstone(long employerId, long hubId, boolean cornerstone) {
        dsl.update(EMPLOYER_HUB_PRESENCE)
                .set(EMPLOYER_HUB_PRESENCE.CORNERSTONE, cornerstone)
                .where(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(employerId))
                .and(EMPLOYER_HUB_PRESENCE.HUB_ID.eq(hubId))
                .execute();
    }

    public void setKind(long employerId, EmployerKind kind) {
        dsl.update(EMPLOYER)
                .set(EMPLOYER.KIND, kind.code())
                .where(EMPLOYER.ID.eq(employerId))
                .execute();
    }

    /** The agency whose list brought the organisation in; it stays an organisation of its own. */
    public void setViaAgency(long employerId, long agencyId) {
        dsl.update(EMPLOYER)
                .set(EMPLOYER.VIA_AGENCY_ID, agencyId)
                .where(EMPLOYER.ID.eq(employerId))
                .execute();
    }

    /** Where pupils go for a workplace visit; empty details when the employer has given none. */
    public SiteDetails findSiteDetails(long employerId) {
        return dsl.select(
                        EMPLOYER.SITE_ADDRESS,
                        EMPLOYER.SITE_CONTACT_NAME,
                        EMPLOYER.SITE_CONTACT_PHONE,
                        EMPLOYER.ARRIVAL_INSTRUCTIONS)
                .from(EMPLOYER)
                .where(EMPLOYER.ID.eq(employerId))
                .fetchOptional(mapping(SiteDetails::new))
                .orElseGet(() -> new SiteDetails(null, null, null, null));
    }

    /** Saves them whole; text left empty is stored as null. */
    public void setSiteDetails(long employerId, SiteDetails site) {
        dsl.update(EMPLOYER)
                .set(EMPLOYER.SITE_ADDRESS, orNull(site.address()))
                .set(EMPLOYER.SITE_CONTACT_NAME, orNull(site.contactName()))
                .set(EMPLOYER.SITE_CONTACT_PHONE, orNull(site.contactPhone()))
                .set(EMPLOYER.ARRIVAL_INSTRUCTIONS, orNull(site.arrivalInstructions()))
                .where(EMPLOYER.ID.eq(employerId))
                .execute();
    }

    private static String orNull(String text) {
        return text.isBlank() ? null : text;
    }

    /**
     * A new secret address for the employer's calendar feed; the old one stops working, which is
     * how an employer revokes an address that was shared too widely.
     */
    public String issueCalendarToken(long employerId) {
        String token = SecretToken.generate();
        dsl.update(EMPLOYER)
                .set(EMPLOYER.CALENDAR_TOKEN_HASH, SecretToken.hashOf(token))
                .where(EMPLOYER.ID.eq(employerId))
                .execute();
        return token;
    }

    public boolean hasCalendarFeed(long employerId) {
        return dsl.fetchExists(EMPLOYER, EMPLOYER.ID.eq(employerId).and(EMPLOYER.CALENDAR_TOKEN_HASH.isNotNull()));
    }

    public Optional<Long> findByCalendarToken(String token) {
        if (token.length() > 64) {
            return Optional.empty();
        }
        return dsl.select(EMPLOYER.ID)
                .from(EMPLOYER)
                .where(EMPLOYER.CALENDAR_TOKEN_HASH.eq(SecretToken.hashOf(token)))
                .fetchOptional(EMPLOYER.ID);
    }

    /** The hub's organisations that have not been merged away, by name. */
    public List<Employer> findByHub(long hubId) {
        return dsl.select(columns())
                .from(EMPLOYER)
                .where(presentIn(hubId))
                .and(EMPLOYER.MERGED_INTO_ID.isNull())
                .orderBy(EMPLOYER.NAME, EMPLOYER.ID)
                .fetch(EmployerRepository::employer);
    }

    /**
     * The hub's organisations whose name contains {@code nameContains} (any case; blank for all),
     * by name, at most {@code limit}, each with its offers open on {@code today} and its active
     * volunteers.
     */
    public List<EmployerSummary> findSummaries(long hubId, String nameContains, LocalDate today, int limit) {
        var activeOffers = field(selectCount()
                .from(OFFER)
                .where(OFFER.EMPLOYER_ID.eq(EMPLOYER.ID))
                .and(OFFER.HUB_ID.eq(hubId))
                .and(OFFER.STATUS.eq(OfferStatus.ACTIVE))
                .and(OFFER.AVAILABLE_UNTIL.ge(today)));
        var volunteers = field(selectCount()
                .from(VOLUNTEER)
                .where(VOLUNTEER.EMPLOYER_ID.eq(EMPLOYER.ID))
                .and(VOLUNTEER.ACTIVE));
        var elsewhere = EMPLOYER_HUB_PRESENCE.as("elsewhere");
        var otherHubs = field(selectCount()
                .from(elsewhere)
                .where(elsewhere.EMPLOYER_ID.eq(EMPLOYER.ID))
                .and(elsewhere.HUB_ID.ne(hubId)));
        Condition named =
                nameContains.isBlank() ? noCondition() : EMPLOYER.NAME.containsIgnoreCase(nameContains.strip());
        var agency = EMPLOYER.as("agency");
        return dsl.select(
                        EMPLOYER.ID,
                        EMPLOYER.NAME,
                        EMPLOYER.POSTCODE,
                        EMPLOYER.SECTOR,
                        EMPLOYER.SIZE_BAND,
                        EMPLOYER_HUB_PRESENCE.CORNERSTONE,
                        EMPLOYER.KIND.eq(EmployerKind.AGENCY.code()),
                        agency.NAME,
                        activeOffers,
                        volunteers,
                        otherHubs,
                        // the organisation's own say in being asked, in the coordinator's words
                        row(EMPLOYER.ASKS_STOPPED_AT, EMPLOYER.ASKS_PAUSED_UNTIL)
                                .mapping(
                                        String.class,
                                        (stoppedAt, pausedUntil) ->
                                                ContactPreferences.standing(stoppedAt, pausedUntil, today)))
                .from(EMPLOYER)
                .join(EMPLOYER_HUB_PRESENCE)
                .on(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(EMPLOYER.ID))
                .leftJoin(agency)
                .on(agency.ID.eq(EMPLOYER.VIA_AGENCY_ID))
                .where(EMPLOYER_HUB_PRESENCE.HUB_ID.eq(hubId))
                .and(EMPLOYER.MERGED_INTO_ID.isNull())
                .and(named)
                .orderBy(EMPLOYER.NAME, EMPLOYER.ID)
                .limit(limit)
                .fetch(mapping(EmployerSummary::new));
    }

    /** An organisation other hubs work with, as a coordinator finds it to bring into theirs. */
    public record ElsewhereOrganisation(long id, String name, String postcode, String sector, List<String> hubs) {}

    /**
     * Organisations this hub does not work with yet, whose name contains {@code nameContains}, each
     * with the hubs that do: what a coordinator needs to tell a cornerstone from a namesake, and no
     * more (no contacts, no volunteers).
     */
    public List<ElsewhereOrganisation> findElsewhere(long hubId, String nameContains, int limit) {
        if (nameContains.isBlank()) {
            return List.of();
        }
        return dsl.select(
                        EMPLOYER.ID,
                        EMPLOYER.NAME,
                        EMPLOYER.POSTCODE,
                        EMPLOYER.SECTOR,
                        multiset(select(HUB.NAME)
                                        .from(EMPLOYER_HUB_PRESENCE)
                                        .join(HUB)
                                        .on(HUB.ID.eq(EMPLOYER_HUB_PRESENCE.HUB_ID))
                                        .where(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(EMPLOYER.ID))
                                        .orderBy(HUB.NAME))
                                .convertFrom(r -> r.map(org.jooq.Record1::value1)))
                .from(EMPLOYER)
                .where(EMPLOYER.NAME.containsIgnoreCase(nameContains.strip()))
                .and(EMPLOYER.MERGED_INTO_ID.isNull())
                .and(presentIn(hubId).not())
                .orderBy(EMPLOYER.NAME, EMPLOYER.ID)
                .limit(limit)
                .fetch(mapping(ElsewhereOrganisation::new));
    }

    /**
     * Pairs in the hub that look like one organisation: the same email domain, or near-identical
     * names in one postcode district. Compared within districts, so the work stays small.
     */
    public List<LikelyDuplicate> findLikelyDuplicates(long hubId) {
        List<Employer> employers = findByHub(hubId);
        List<LikelyDuplicate> pairs = new ArrayList<>();
        Map<String, List<Employer>> byDomain = employers.stream()
                .filter(e -> e.emailDomain() != null)
                .collect(Collectors.groupingBy(Employer::emailDomain));
        byDomain.values().forEach(group -> pairsOf(group, ExistingEmployer.Reason.SAME_EMAIL_DOMAIN, pairs));
        Map<String, List<Employer>> byDistrict = employers.stream()
                .filter(e -> e.postcode() != null)
                .collect(Collectors.groupingBy(e -> PostcodeDistrict.of(e.postcode())));
        for (List<Employer> district : byDistrict.values()) {
            for (int i = 0; i < district.size(); i++) {
                String a = OrganisationName.normalise(district.get(i).name());
                for (int j = i + 1; j < district.size(); j++) {
                    Employer first = district.get(i);
                    Employer second = district.get(j);
                    boolean sameDomain =
                            first.emailDomain() != null && first.emailDomain().equals(second.emailDomain());
                    if (!sameDomain && OrganisationName.nearlyEqual(a, OrganisationName.normalise(second.name()))) {
                        pairs.add(new LikelyDuplicate(first, second, ExistingEmployer.Reason.SIMILAR_NAME_NEARBY));
                    }
                }
            }
        }
        pairs.sort(Comparator.comparing((LikelyDuplicate p) -> p.first().name())
                .thenComparing(p -> p.second().name()));
        return pairs;
    }

    private static void pairsOf(List<Employer> group, ExistingEmployer.Reason reason, List<LikelyDuplicate> pairs) {
        for (int i = 0; i < group.size(); i++) {
            for (int j = i + 1; j < group.size(); j++) {
                pairs.add(new LikelyDuplicate(group.get(i), group.get(j), reason));
            }
        }
    }

    private List<Employer> inDistrict(String district) {
        return dsl.select(columns())
                .from(EMPLOYER)
                .where(EMPLOYER.POSTCODE.like(district + " %"))
                .orderBy(EMPLOYER.MERGED_INTO_ID.isNull().desc(), EMPLOYER.ID)
                .fetch(EmployerRepository::employer);
    }

    private Optional<ExistingEmployer> firstCurrent(Condition condition, ExistingEmployer.Reason reason) {
        // prefer a record that has not been merged away; a merged one still leads to its survivor
        return dsl.select(columns())
                .from(EMPLOYER)
                .where(condition)
                .orderBy(EMPLOYER.MERGED_INTO_ID.isNull().desc(), EMPLOYER.ID)
                .limit(1)
                .fetchOptional(EmployerRepository::employer)
                .flatMap(e -> current(e, reason));
    }

    private Optional<ExistingEmployer> current(Employer found, ExistingEmployer.Reason reason) {
        return (found.merged() ? findCurrent(found.id()) : Optional.of(found))
                .map(e -> new ExistingEmployer(e.id(), e.name(), reason));
    }

    /** The organisation is one of the hub's: present there, whichever hub registered it. */
    public static Condition presentIn(long hubId) {
        return exists(selectOne()
                .from(EMPLOYER_HUB_PRESENCE)
                .where(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(EMPLOYER.ID))
                .and(EMPLOYER_HUB_PRESENCE.HUB_ID.eq(hubId)));
    }

    private static final Field<List<HubPresence>> PRESENCES = multiset(select(
                            EMPLOYER_HUB_PRESENCE.HUB_ID,
                            HUB.NAME,
                            EMPLOYER_HUB_PRESENCE.CORNERSTONE,
                            EMPLOYER_HUB_PRESENCE.MAX_ASKS_PER_MONTH.convertFrom(Short::intValue),
                            EMPLOYER_HUB_PRESENCE.JOINED_ON)
                    .from(EMPLOYER_HUB_PRESENCE)
                    .join(HUB)
                    .on(HUB.ID.eq(EMPLOYER_HUB_PRESENCE.HUB_ID))
                    .where(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(EMPLOYER.ID))
                    .orderBy(EMPLOYER_HUB_PRESENCE.JOINED_ON, EMPLOYER_HUB_PRESENCE.HUB_ID))
            .as("presences")
            .convertFrom(rows -> rows.map(mapping(HubPresence::new)));

    private static Employer employer(org.jooq.Record r) {
        return new Employer(
                r.get(EMPLOYER.ID),
                r.get(EMPLOYER.NAME),
                r.get(EMPLOYER.POSTCODE),
                r.get(EMPLOYER.SIZE_BAND),
                r.get(EMPLOYER.SECTOR),
                r.get(EMPLOYER.EMAIL_DOMAIN),
                r.get(EMPLOYER.MERGED_INTO_ID),
                r.get(PRESENCES));
    }

    private static List<org.jooq.SelectField<?>> columns() {
        return List.of(
                EMPLOYER.ID,
                EMPLOYER.NAME,
                EMPLOYER.POSTCODE,
                EMPLOYER.SIZE_BAND,
                EMPLOYER.SECTOR,
                EMPLOYER.EMAIL_DOMAIN,
                EMPLOYER.MERGED_INTO_ID,
                PRESENCES);
    }
}
