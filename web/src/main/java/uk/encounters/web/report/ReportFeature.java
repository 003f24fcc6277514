package uk.encounters.web.report;

import uk.encounters.marketplace.report.Reports;
import uk.encounters.web.Foundation;
import uk.encounters.web.security.Routes;

/** The hub's report to its funders and each school's to its governors: a page, a spreadsheet and a PDF. */
public final class ReportFeature {

    private ReportFeature() {}

    public static void mount(Foundation app, String productName, Routes routes) {
        new ReportRoutes(new Reports(app.database().dsl()), app.blocking(), app.templates(), app.clock(), productName)
                .mount(routes);
    }
}
