package uk.encounters.web;

import java.time.Clock;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.booking.BookingCancellations;
import uk.encounters.marketplace.pupil.PupilReferences;
import uk.encounters.web.account.Links;
import uk.encounters.web.employer.HubChoices;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.wonde.WondePulls;

/**
 * What every feature is wired from, made once by {@link WebServer}. A feature's wiring builds its
 * repositories and use cases from the database and hands them to its handlers; handlers never see
 * the database itself.
 *
 * @param hubChoices one per server: the hubs on the public offer form, refreshed when an admin adds one
 * @param pupilReferences the key UPNs become references with, made once (its fallbacks are logged)
 * @param wondePulls pupils pulled from Wonde, by hand on the pupils page and nightly by {@link Housekeeping}
 */
public record Foundation(
        Database database,
        Blocking blocking,
        Templates templates,
        Clock clock,
        WebConfig config,
        Links links,
        RateLimit rateLimit,
        HubChoices hubChoices,
        PupilReferences pupilReferences,
        WondePulls wondePulls) {

    /** What a declined booking tells its employer and school, with the app's calendar identity. */
    public BookingCancellations bookingCancellations() {
        return new BookingCancellations(links, WebServer.PRODUCT_NAME, clock);
    }
}
