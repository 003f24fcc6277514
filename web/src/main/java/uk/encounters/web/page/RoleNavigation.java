package uk.encounters.web.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import uk.encounters.marketplace.account.Account;

/**
 * The header's links for whoever is asking: a visitor gets the home page's sections; a signed-in
 * person gets the pages of their role, for the one school, hub or organisation they act for, or
 * their account page (which names them all) when they act for several.
 */
public final class RoleNavigation {

    /** One header link; {@code current} marks the page being shown, for aria-current. */
    public record Link(String label, String href, boolean current) {}

    private final List<Link> links = new ArrayList<>();
    private final String path;

    private RoleNavigation(String path) {
        this.path = path;
    }

    /**
     * Where someone lands after signing in, without a page to go back to: the page of their role
     * when they have one role for one place (a careers leader's progress, a coordinator's
     * dashboard, an employer's page), else their account page, which names every place they act for.
     */
    public static String home(Account account) {
        return account.scopes().size() == 1 ? of(account, "").getFirst().href() : "/account";
    }

    public static List<Link> of(Account account, String path) {
        RoleNavigation nav = new RoleNavigation(path);
        if (account == null) {
            nav.add("Schools", "/#schools");
            nav.add("Employers", "/#employers");
            nav.add("Enterprise coordinators", "/#coordinators");
        } else {
            nav.hub(account.hubIds());
            nav.school(account.schoolIds());
            nav.one(account.advisedSchoolIds(), "The school you advise", "Schools you advise", "/schools/%d/progress");
            nav.one(account.employerIds(), "Your organisation", "Your organisations", "/employers/%d");
            if (account.isAdmin()) {
                nav.add("Administration", "/admin");
            }
        }
        return List.copyOf(nav.links);
    }

    private void add(String label, String href) {
        links.add(new Link(label, href, href.equals(path)));
    }

    private void hub(Set<Long> hubs) {
        if (hubs.size() == 1) {
            String hub = "/hubs/" + hubs.iterator().next();
            add("Dashboard", hub + "/dashboard");
            add("Matching round", hub + "/round");
            add("Events", hub + "/events");
            add("Schools", hub + "/schools");
            add("Organisations", hub + "/employers");
            add("People", hub + "/people");
            add("Feedback", hub + "/feedback");
        } else if (hubs.size() > 1) {
            add("Your hubs", "/account");
        }
    }

    private void school(Set<Long> schools) {
        if (schools.size() == 1) {
            String school = "/schools/" + schools.iterator().next();
            add("Progress", school + "/progress");
            add("Requests", school + "/requests");
            add("Events", school + "/events");
            add("Bookings", school + "/bookings");
            add("Pupils", school + "/pupils");
        } else if (schools.size() > 1) {
            add("Your schools", "/account");
        }
    }

    private void one(Set<Long> ids, String oneLabel, String manyLabel, String pattern) {
        if (ids.size() == 1) {
            add(oneLabel, String.format(pattern, ids.iterator().next()));
        } else if (ids.size() > 1) {
            add(manyLabel, "/account");
        }
    }
}
