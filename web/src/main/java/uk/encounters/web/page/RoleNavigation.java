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

    private RoleNavigation() {}

    /**
     * Where someone lands after signing in, without a page to go back to: the page of their role
     * when they have one role for one place (a careers leader's progress, a coordinator's
     * dashboard, an employer's page), else their account page, which names every place they act for.
     */
    public static String home(Account account) {
        return account.scopes().size() == 1 ? of(account, "").getFirst().href() : "/account";
    }

    public static List<Link> of(Account account, String path) {
        List<String[]> links = new ArrayList<>();
        if (account == null) {
            links.add(new String[] {"Schools", "/#schools"});
            links.add(new String[] {"Employers", "/#employers"});
            links.add(new String[] {"Enterprise coordinators", "/#coordinators"});
        } else {
            hub(account.hubIds(), links);
            school(account.schoolIds(), links);
            one(
                    account.advisedSchoolIds(),
                    "The school you advise",
                    "Schools you advise",
                    "/schools/%d/progress",
                    links);
            one(account.employerIds(), "Your organisation", "Your organisations", "/employers/%d", links);
            if (account.isAdmin()) {
                links.add(new String[] {"Administration", "/admin"});
            }
        }
        return links.stream().map(l -> new Link(l[0], l[1], l[1].equals(path))).toList();
    }

    private static void hub(Set<Long> hubs, List<String[]> links) {
        if (hubs.size() == 1) {
            long id = hubs.iterator().next();
            links.add(new String[] {"Dashboard", "/hubs/" + id + "/dashboard"});
            links.add(new String[] {"Matching round", "/hubs/" + id + "/round"});
            links.add(new String[] {"Schools", "/hubs/" + id + "/schools"});
            links.add(new String[] {"Organisations", "/hubs/" + id + "/employers"});
            links.add(new String[] {"People", "/hubs/" + id + "/people"});
        } else if (hubs.size() > 1) {
            links.add(new String[] {"Your hubs", "/account"});
        }
    }

    private static void school(Set<Long> schools, List<String[]> links) {
        if (schools.size() == 1) {
            long id = schools.iterator().next();
            links.add(new String[] {"Progress", "/schools/" + id + "/progress"});
            links.add(new String[] {"Requests", "/schools/" + id + "/requests"});
            links.add(new String[] {"Bookings", "/schools/" + id + "/bookings"});
            links.add(new String[] {"Pupils", "/schools/" + id + "/pupils"});
        } else if (schools.size() > 1) {
            links.add(new String[] {"Your schools", "/account"});
        }
    }

    private static void one(Set<Long> ids, String oneLabel, String manyLabel, String pattern, List<String[]> links) {
        if (ids.size() == 1) {
            links.add(new String[] {
                oneLabel, String.format(pattern, ids.iterator().next())
            });
        } else if (ids.size() > 1) {
            links.add(new String[] {manyLabel, "/account"});
        }
    }
}
