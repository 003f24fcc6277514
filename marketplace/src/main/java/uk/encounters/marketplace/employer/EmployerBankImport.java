package uk.encounters.marketplace.employer;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.row;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.Row2;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.AccountMail;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.Invitations;
import uk.encounters.marketplace.account.Scope;

/**
 * A coordinator imports an agency's or a chamber's contact list into the hub's employer bank:
 * organisations new to the hub are created (located as the offer form locates them), volunteers
 * new to their organisation are added, organisations another hub already works with join this one
 * too (one organisation, a presence in each hub), and each new organisation's contact is invited by email to
 * manage it. A contact who already has an account is not given the organisation: a list's email
 * proves nothing about who reads that mailbox's account, so they are asked by email to accept each
 * one ({@link OrganisationInvitations}). All of it is one transaction with its audit entries.
 */
public final class EmployerBankImport {

    /**
     * What an import did, for the coordinator's message and the audit entry.
     *
     * @param contactsWithAccounts contacts who have an account already, each asked by email to accept
     *     their new organisations
     */
    public record Imported(
            int organisationsAdded,
            int organisationsFound,
            int organisationsFromOtherHubs,
            int volunteersAdded,
            int volunteersKnown,
            int contactsInvited,
            int contactsWithAccounts) {}

    /** The hub changed between the preview and the save so that a line cannot be imported: nothing was saved. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final AccountMail mail;

    public EmployerBankImport(DSLContext dsl, Clock clock, AccountMail mail) {
        this.dsl = dsl;
        this.clock = clock;
        this.mail = mail;
    }

    /** What saving these lines would do now. */
    public BankPlan plan(long hubId, List<BankLine> lines) {
        return BankPlan.of(lines, known(dsl, hubId, lines));
    }

    /**
     * Saves the lines as {@link #plan} describes them, planned again inside the transaction.
     *
     * @param skipped the file's lines with errors, left out on purpose
     */
    public Imported save(Actor actor, long hubId, List<BankLine> lines, long skipped) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            BankPlan plan = BankPlan.of(lines, known(tx, hubId, lines));
            plan.lines().stream().filter(p -> !p.ok()).findFirst().ifPresent(p -> {
                throw new Refused("Line " + p.line().line() + ": " + p.problem());
            });
            EmployerRepository employers = new EmployerRepository(tx);
            Map<String, Long> ids = new HashMap<>();
            int found = 0;
            int fromOtherHubs = 0;
            for (BankPlan.Organisation organisation : plan.organisations()) {
                if (organisation.isNew()) {
                    BankLine first = organisation.first();
                    ids.put(
                            organisation.key(),
                            employers.create(
                                    hubId,
                                    first.organisation(),
                                    first.contactEmail(),
                                    first.postcode(),
                                    first.sizeBand(),
                                    first.sector(),
                                    false,
                                    1));
                } else {
                    ids.put(organisation.key(), organisation.existing().id());
                    if (organisation.match() == BankPlan.Match.IN_ANOTHER_HUB) {
                        employers.addPresence(organisation.existing().id(), hubId);
                        fromOtherHubs++;
                    } else {
                        found++;
                    }
                }
            }
            int volunteersAdded = 0;
            int volunteersKnown = 0;
            VolunteerRepository volunteers = new VolunteerRepository(tx);
            for (BankPlan.Planned line : plan.lines()) {
                long employerId = ids.get(line.organisation().key());
                if (line.agency() != null) {
                    long agencyId = line.agency().existing() != null
                            ? line.agency().existing().id()
                            : ids.get(line.agency().fileKey());
                    employers.setKind(agencyId, EmployerKind.AGENCY);
                    // an organisation already in the hub did not come via this list's agency
                    if (line.organisation().isNew()) {
                        employers.setViaAgency(employerId, agencyId);
                    }
                }
                switch (line.volunteer()) {
                    case NEW -> {
                        BankLine l = line.line();
                        volunteers.findOrCreate(
                                employerId, l.volunteerName(), l.volunteerEmail(), l.safeguardingCheckedUntil());
                        volunteersAdded++;
                    }
                    case KNOWN, REPEATED -> volunteersKnown++;
                    case NONE -> {}
                }
            }
            Invited invited = invite(tx, actor, hubId, plan, ids);
            Imported imported = new Imported(
                    plan.organisations().size() - found - fromOtherHubs,
                    found,
                    fromOtherHubs,
                    volunteersAdded,
                    volunteersKnown,
                    invited.invited(),
                    invited.withAccounts());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("lines", lines.size());
            detail.put("skipped", skipped);
            detail.put("organisations_added", imported.organisationsAdded());
            detail.put("organisations_found", imported.organisationsFound());
            detail.put("organisations_from_other_hubs", imported.organisationsFromOtherHubs());
            detail.put("volunteers_added", imported.volunteersAdded());
            detail.put("volunteers_known", imported.volunteersKnown());
            detail.put("contacts_invited", imported.contactsInvited());
            detail.put("contacts_with_accounts", imported.contactsWithAccounts());
            new AuditLog(tx).record(actor, "employer_bank_imported", "hub", hubId, detail);
            return imported;
        });
    }

    /** Contacts invited with a new account, and those with an account already asked to accept. */
    private record Invited(int invited, int withAccounts) {}

    /**
     * Invites each new organisation's contacts: one email per person, naming every organisation of
     * theirs in the file.
     */
    private Invited invite(DSLContext tx, Actor actor, long hubId, BankPlan plan, Map<String, Long> ids) {
        Map<String, List<BankLine>> byContact = new LinkedHashMap<>();
        Map<String, Set<String>> organisationsOf = new HashMap<>();
        for (BankPlan.Planned line : plan.lines()) {
            BankLine l = line.line();
            if (line.organisation().isNew() && l.hasContact()) {
                String email = l.contactEmail().toLowerCase(Locale.ROOT);
                if (organisationsOf
                        .computeIfAbsent(email, e -> new LinkedHashSet<>())
                        .add(line.organisation().key())) {
                    byContact.computeIfAbsent(email, e -> new ArrayList<>()).add(l);
                }
            }
        }
        AccountRepository accounts = new AccountRepository(tx);
        int invited = 0;
        int withAccounts = 0;
        for (List<BankLine> theirs : byContact.values()) {
            BankLine first = theirs.getFirst();
            Optional<Account> existing = accounts.findByEmail(first.contactEmail());
            if (existing.isPresent()) {
                new OrganisationInvitations(tx, clock, mail)
                        .ask(
                                actor,
                                hubId,
                                existing.get(),
                                theirs.stream()
                                        .map(l -> new OrganisationInvitations.Organisation(
                                                ids.get(l.organisationKey()), l.organisation()))
                                        .toList());
                withAccounts++;
                continue;
            }
            String names = theirs.stream().map(BankLine::organisation).collect(Collectors.joining(", "));
            new Invitations(tx, clock, mail)
                    .invite(
                            actor,
                            first.contactEmail(),
                            first.contactName(),
                            Scope.employer(ids.get(first.organisationKey())),
                            "a contact for " + names);
            long userId =
                    accounts.findByEmail(first.contactEmail()).orElseThrow().id();
            // the account is new and opens only through the invitation's link, which names them all
            theirs.stream()
                    .skip(1)
                    .forEach(l -> accounts.addScope(userId, Scope.employer(ids.get(l.organisationKey()))));
            invited++;
        }
        return new Invited(invited, withAccounts);
    }

    /** The hub as the lines are compared with it: its organisations, the keys taken, their volunteers. */
    private static BankPlan.Known known(DSLContext dsl, long hubId, List<BankLine> lines) {
        List<BankPlan.KnownOrganisation> inHub = dsl.select(
                        EMPLOYER.ID, EMPLOYER.NAME, EMPLOYER.NORMALISED_NAME, EMPLOYER.POSTCODE, EMPLOYER.KIND)
                .from(EMPLOYER)
                .where(EmployerRepository.presentIn(hubId))
                .and(EMPLOYER.MERGED_INTO_ID.isNull())
                .fetch(Records.mapping(BankPlan.KnownOrganisation::new));
        Set<Long> inHubIds = inHub.stream().map(BankPlan.KnownOrganisation::id).collect(Collectors.toSet());
        List<Row2<String, String>> keys = lines.stream()
                .map(l -> row(OrganisationName.normalise(l.organisation()), l.postcode()))
                .distinct()
                .toList();
        Map<String, Long> takenInHub = new HashMap<>();
        Map<String, BankPlan.Elsewhere> takenElsewhere = new HashMap<>();
        if (!keys.isEmpty()) {
            // a record merged away stands for the one it was merged into
            var current = EMPLOYER.as("current");
            var presence = EMPLOYER_HUB_PRESENCE;
            Field<String> aHub = min(HUB.NAME);
            List<Field<?>> grouped = new ArrayList<>(List.of(EMPLOYER.NORMALISED_NAME, EMPLOYER.POSTCODE));
            grouped.addAll(organisationColumns(current));
            List<Field<?>> selected = new ArrayList<>(grouped);
            selected.add(aHub);
            dsl.select(selected)
                    .from(EMPLOYER)
                    .join(current)
                    .on(current.ID.eq(coalesce(EMPLOYER.MERGED_INTO_ID, EMPLOYER.ID)))
                    .join(presence)
                    .on(presence.EMPLOYER_ID.eq(current.ID))
                    .join(HUB)
                    .on(HUB.ID.eq(presence.HUB_ID))
                    .where(row(EMPLOYER.NORMALISED_NAME, EMPLOYER.POSTCODE).in(keys))
                    .groupBy(grouped)
                    .forEach(r -> {
                        String key = BankLine.key(r.get(EMPLOYER.NORMALISED_NAME), r.get(EMPLOYER.POSTCODE));
                        BankPlan.KnownOrganisation organisation = new BankPlan.KnownOrganisation(
                                r.get(current.ID),
                                r.get(current.NAME),
                                r.get(current.NORMALISED_NAME),
                                r.get(current.POSTCODE),
                                r.get(current.KIND));
                        if (inHubIds.contains(organisation.id())) {
                            takenInHub.put(key, organisation.id());
                        } else {
                            takenElsewhere.put(key, new BankPlan.Elsewhere(organisation, r.get(aHub)));
                        }
                    });
        }
        Set<Long> compared = new HashSet<>(inHubIds);
        takenElsewhere.values().forEach(e -> compared.add(e.organisation().id()));
        Map<Long, Set<String>> volunteerEmails = dsl
                .select(VOLUNTEER.EMPLOYER_ID, lower(VOLUNTEER.EMAIL))
                .from(VOLUNTEER)
                .where(VOLUNTEER.EMPLOYER_ID.in(compared))
                .fetchGroups(VOLUNTEER.EMPLOYER_ID, lower(VOLUNTEER.EMAIL))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        return new BankPlan.Known(inHub, takenInHub, takenElsewhere, volunteerEmails);
    }

    private static List<Field<?>> organisationColumns(uk.encounters.marketplace.jooq.tables.Employer employer) {
        return List.of(employer.ID, employer.NAME, employer.NORMALISED_NAME, employer.POSTCODE, employer.KIND);
    }
}
