package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.Role;
import uk.encounters.web.security.CurrentUser;

/**
 * Who is looking at one of a school's pages that change nothing: an enterprise adviser who only
 * reads sees no button or link the rules would refuse them.
 */
final class SchoolViewer {

    private SchoolViewer() {}

    /** Only an enterprise adviser of the school: not its careers leader, a coordinator or an administrator. */
    static boolean readsOnly(RoutingContext ctx, long schoolId) {
        Account account = CurrentUser.of(ctx);
        return account != null
                && account.advisedSchoolIds().contains(schoolId)
                && !account.schoolIds().contains(schoolId)
                && !account.isAdmin()
                && !account.hasRole(Role.COORDINATOR);
    }

    /**
     * One of the school's own careers leaders: the only people who read pupils' words before one of
     * them approves them (not the hub's coordinators, not an administrator).
     */
    static boolean leads(RoutingContext ctx, long schoolId) {
        Account account = CurrentUser.of(ctx);
        return account != null && account.schoolIds().contains(schoolId);
    }
}
