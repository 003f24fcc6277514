package uk.encounters.marketplace.employer;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The part of an email address that identifies an organisation. Free-mail domains identify
 * nobody: two sole traders on gmail.com are not one business.
 */
public final class EmailDomains {

    private static final Set<String> FREE_MAIL = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "live.co.uk",
            "msn.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com",
            "aol.co.uk", "btinternet.com", "btopenworld.com", "sky.com", "talktalk.net", "virginmedia.com",
            "ntlworld.com", "blueyonder.co.uk", "tiscali.co.uk", "protonmail.com", "proton.me", "gmx.com", "gmx.co.uk",
            "mail.com", "zoho.com", "fastmail.com", "hey.com", "tutanota.com", "yandex.com", "qq.com");

    private EmailDomains() {
    }

    public static Optional<String> organisationDomain(String email) {
        int at = email.lastIndexOf('@');
        if (at < 0 || at == email.length() - 1) {
            return Optional.empty();
        }
        String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        return isFreeMail(domain) ? Optional.empty() : Optional.of(domain);
    }

    public static boolean isFreeMail(String domain) {
        return FREE_MAIL.contains(domain.toLowerCase(Locale.ROOT));
    }
}
