package uk.encounters.marketplace.employer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The part of an email address that may identify an organisation. Free-mail and internet
 * providers' domains identify nobody (two sole traders on btconnect.com are not one business), nor
 * do umbrella domains shared by many separate bodies (nhs.net, councils, schools). Even a match on
 * an organisation's own domain only suggests it: joining needs someone of that organisation, or
 * the coordinator, to say yes ({@code OrganisationJoinRepository}).
 */
public final class EmailDomains {

    private static final Set<String> SHARED = Set.of(
            // webmail
            "gmail.com",
            "googlemail.com",
            "outlook.com",
            "outlook.co.uk",
            "hotmail.com",
            "hotmail.co.uk",
            "hotmail.fr",
            "hotmail.de",
            "hotmail.it",
            "hotmail.es",
            "live.com",
            "live.co.uk",
            "live.fr",
            "msn.com",
            "yahoo.com",
            "yahoo.co.uk",
            "yahoo.fr",
            "yahoo.de",
            "yahoo.es",
            "yahoo.it",
            "ymail.com",
            "rocketmail.com",
            "icloud.com",
            "me.com",
            "mac.com",
            "aol.com",
            "aol.co.uk",
            "protonmail.com",
            "protonmail.ch",
            "proton.me",
            "pm.me",
            "gmx.com",
            "gmx.co.uk",
            "gmx.net",
            "gmx.de",
            "web.de",
            "mail.com",
            "email.com",
            "zoho.com",
            "zohomail.eu",
            "fastmail.com",
            "fastmail.fm",
            "hey.com",
            "tutanota.com",
            "tuta.io",
            "yandex.com",
            "yandex.ru",
            "mail.ru",
            "qq.com",
            "163.com",
            "126.com",
            "libero.it",
            "orange.fr",
            "wanadoo.fr",
            "free.fr",
            "laposte.net",
            "t-online.de",
            "seznam.cz",
            "inbox.com",
            "hushmail.com",
            "mailbox.org",
            "posteo.de",
            // UK internet providers
            "btinternet.com",
            "btopenworld.com",
            "btconnect.com",
            "sky.com",
            "talktalk.net",
            "tiscali.co.uk",
            "virginmedia.com",
            "virgin.net",
            "ntlworld.com",
            "blueyonder.co.uk",
            "o2.co.uk",
            "plus.net",
            "plusnet.com",
            "madasafish.com",
            "freeserve.co.uk",
            "lineone.net",
            "fsmail.net",
            "orange.net",
            "eclipse.co.uk",
            "zen.co.uk",
            "demon.co.uk",
            "supanet.com",
            "aim.com",
            "uwclub.net",
            "tesco.net",
            "onetel.com",
            "onetel.net",
            "karoo.co.uk",
            // bodies that many separate organisations share
            "nhs.net",
            "nhs.uk",
            "gov.uk",
            "gov.wales",
            "gov.scot",
            "police.uk",
            "sch.uk",
            "ac.uk",
            "mod.uk",
            "parliament.uk",
            "org.uk",
            "co.uk",
            "ltd.uk",
            "plc.uk",
            "me.uk",
            "net.uk",
            "cjsm.net",
            "gcsx.gov.uk");

    // Sub-domains of these are still shared: nhs.uk trusts, councils and schools under gov.uk and sch.uk.
    private static final List<String> SHARED_PARENTS = List.of(
            ".nhs.uk", ".nhs.net", ".gov.uk", ".gov.wales", ".gov.scot", ".police.uk", ".sch.uk", ".ac.uk", ".mod.uk");

    private EmailDomains() {}

    public static Optional<String> organisationDomain(String email) {
        int at = email.lastIndexOf('@');
        if (at < 0 || at == email.length() - 1) {
            return Optional.empty();
        }
        String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        return isShared(domain) ? Optional.empty() : Optional.of(domain);
    }

    /** Whether many unrelated people or organisations have addresses on the domain. */
    public static boolean isShared(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return SHARED.contains(d) || SHARED_PARENTS.stream().anyMatch(d::endsWith);
    }
}
