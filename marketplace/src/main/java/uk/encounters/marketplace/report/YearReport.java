package uk.encounters.marketplace.report;

import java.time.LocalDate;
import java.util.List;

/** A report of one academic year, a hub's or a school's: what its page, spreadsheet and PDF have in common. */
public sealed interface YearReport permits HubReport, SchoolReport {

    /** The hub's or the school's name. */
    String name();

    LocalDate madeOn();

    YearFigures year();

    /** This year and those before it with figures, oldest first. */
    List<YearFigures> years();

    List<YearGroupRow> yearGroups();
}
