package uk.encounters.web.print;

/** One thing a printed document shows, in order, below its title block. */
public sealed interface PrintedBlock permits PrintedHeading, PrintedParagraph, PrintedTable, PrintedBarChart {}
