package uk.encounters.demo.simulation;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The year's figures for every arm side by side, with what they rest on. */
public record SimulationReport(
        String hub,
        String area,
        long seed,
        double supply,
        LocalDate firstDay,
        LocalDate lastDay,
        int weeks,
        int solveSeconds,
        Behaviour behaviour,
        EventHabits events,
        int planningSchools,
        int schools,
        List<ArmOutcome> arms,
        Duration wallTime) {

    /** The CSV's columns, one row per arm ({@link #csvRows()}). */
    public static final String CSV_HEADER = "seed,supply,arm,bm5_pct,bm5_disadvantaged_pct,bm5_send_pct,bm5_rest_pct,"
            + "ceiling_pct,zero_pct,one_pct,two_pct,three_plus_pct,on_track_next_year_pct,"
            + "on_track_next_year_disadvantaged_pct,short_of_target,bm6_due_pct,attended,sessions_requested,"
            + "sessions_matched,sessions_delivered,asks_mean,asks_max,round_seconds_mean,pupils,"
            + "events_due,events_held,event_stalls_wanted,event_stalls_given,event_stalls_matched,event_attended,"
            + "pupils_only_at_events";

    public void print(PrintStream out) {
        out.printf(
                "%nSimulated %d school week%s of %s (area %s, seed %d, supply x%.2f): %s to %s, solver rounds of %d s."
                        + "%n",
                weeks, weeks == 1 ? "" : "s", hub, area, seed, supply, firstDay, lastDay, solveSeconds);
        out.println("Parameters:");
        behaviour.describe().forEach(line -> out.println("  " + line));
        events.describe().forEach(line -> out.println("  " + line));
        out.printf(
                "  %d of the hub's %d schools take up \"What to request next\" in the arms with the product's"
                        + " requests%n",
                planningSchools, schools);
        out.println();
        out.printf("%-50s", "");
        arms.forEach(a -> out.printf(" %-28s", a.arm().code()));
        out.println();
        row(
                out,
                "Benchmark 5: an encounter this year",
                o -> o.pupils().all().benchmark5().toString());
        row(
                out,
                "  disadvantaged pupils",
                o -> o.pupils().disadvantaged().benchmark5().toString());
        row(out, "  pupils with SEND", o -> o.pupils().send().benchmark5().toString());
        row(out, "  the rest", o -> o.pupils().rest().benchmark5().toString());
        row(
                out,
                "  at the schools that take up the proposals",
                o -> o.pupils().benchmark5AtPlanningSchools().toString());
        row(
                out,
                "  at the other schools",
                o -> o.pupils().benchmark5AtOtherSchools().toString());
        row(
                out,
                "Supply ceiling: places to pupils without one",
                o -> o.pupils().ceiling().toString());
        String[] counts = {"0", "1", "2", "3+"};
        for (int i = 0; i < counts.length; i++) {
            int index = i;
            row(
                    out,
                    "Pupils with " + counts[i] + " encounter" + (i == 1 ? "" : "s") + " this year",
                    o -> o.pupils().all().withEncounters(index).toString());
        }
        for (int year = 7; year <= 13; year++) {
            int index = year - 7;
            row(
                    out,
                    "  Year " + year + " pupils with none",
                    o -> o.pupils().withoutOneByYearGroup().get(index).toString());
        }
        row(
                out,
                "  at special schools and AP, with none",
                o -> o.pupils().withoutOneInSpecialSchools().toString());
        row(
                out,
                "  disadvantaged pupils with none",
                o -> o.pupils().disadvantaged().withEncounters(0).toString());
        row(
                out,
                "  pupils with SEND with none",
                o -> o.pupils().send().withEncounters(0).toString());
        row(
                out,
                "On track as the next year begins",
                o -> o.pupils().all().onTrackNextYear().toString());
        row(
                out,
                "  disadvantaged pupils",
                o -> o.pupils().disadvantaged().onTrackNextYear().toString());
        row(out, "  pupils with SEND", o -> o.pupils().send().onTrackNextYear().toString());
        row(out, "  the rest", o -> o.pupils().rest().onTrackNextYear().toString());
        row(
                out,
                "Encounters short of target, in all",
                o -> String.format("%,d", o.pupils().all().shortOfTarget()));
        row(
                out,
                "  disadvantaged / SEND / the rest",
                o -> String.format(
                        "%,d / %,d / %,d",
                        o.pupils().disadvantaged().shortOfTarget(),
                        o.pupils().send().shortOfTarget(),
                        o.pupils().rest().shortOfTarget()));
        row(
                out,
                "Benchmark 6: workplace experience due (Y11-13)",
                o -> o.pupils().all().benchmark6().toString());
        row(
                out,
                "  disadvantaged pupils",
                o -> o.pupils().disadvantaged().benchmark6().toString());
        row(out, "  pupils with SEND", o -> o.pupils().send().benchmark6().toString());
        row(out, "  the rest", o -> o.pupils().rest().benchmark6().toString());
        row(out, "Pupil encounters attended this year", o -> String.format("%,d", o.pupilEncounters()));
        row(out, "Requests posted (incl. the demo's own)", o -> String.format("%,d", o.requests()));
        row(out, "Sessions requested", o -> String.format("%,d", o.sessionsRequested()));
        row(out, "Sessions matched (published)", o -> String.format("%,d", o.sessionsMatched()));
        row(
                out,
                "  workplace experience for Y11-13",
                o -> String.format(
                        "%,d of %,d asked", o.workplaceSessionsDueMatched(), o.workplaceSessionsDueRequested()));
        row(out, "Sessions delivered", o -> String.format("%,d", o.sessionsDelivered()));
        row(out, "Declined by employers (late)", o -> String.format("%,d (%,d)", o.declined(), o.lateCancellations()));
        row(out, "Employer no-shows", o -> String.format("%,d", o.noShows()));
        row(
                out,
                "Events held of those due: schools' / hub's",
                o -> String.format(
                        "%d of %d / %d of %d",
                        o.events().ownHeld(),
                        o.events().ownDue(),
                        o.events().hubHeld(),
                        o.events().hubDue()));
        row(
                out,
                "  their stalls given of wanted",
                o -> String.format(
                        "%,d of %,d", o.events().stallsGiven(), o.events().stallsWanted()));
        row(
                out,
                "  stalls matched (published)",
                o -> String.format("%,d", o.events().stallsMatched()));
        row(
                out,
                "  pupil encounters attended at events",
                o -> String.format("%,d", o.events().pupilsAttending()));
        row(
                out,
                "  pupils whose only encounters were events",
                o -> String.format("%,d", o.events().pupilsReachedOnlyByEvents()));
        row(out, "Asks per employer per round: mean / max", o -> String.format("%.2f / %d", o.meanAsks(), o.maxAsks()));
        row(
                out,
                "Asks in all / employers asked per round",
                o -> String.format("%,d / %.1f", o.totalAsks(), o.employersAskedPerRound()));
        row(
                out,
                "Round seconds: mean / max",
                o -> String.format("%.1f / %.1f", o.meanSolveSeconds(), o.maxSolveSeconds()));
        out.println();
        out.println(
                "Arms: product = solver rounds, the product's pupil suggestions, and the planning schools posting what");
        out.println(
                "\"What to request next\" proposes; status-quo = schools posting as today, asking employers one by one");
        out.println(
                "(first come, first served) and sending a class (random pupils of the year group); attribution = first");
        out.println("come, first served with the product's suggestions and requests.");
        out.println(
                "An ask: under the solver, one digest to an employer in a round (it lists every session the round asks");
        out.println(
                "of it, within its contact cap); first come, first served stands for each school asking for itself, so");
        out.println("each booking is its own ask. Means and maxima are over the employers asked in each round.");
        out.println(
                "Events: a stall is not a session (sessions figures leave stalls out) but is an ask. An event is held");
        out.println(
                "when at least one stall's employer came; each pupil who came has one encounter for it, counted in");
        out.println("Benchmark 5 and the attended encounters above.");
        out.println(
                "Supply ceiling: the Benchmark 5 reachable had every attended place in each school's year group gone");
        out.println(
                "to a pupil without one. On track as the next year begins: encounters so far at least the year group");
        out.println("minus six. Pupil figures are the schools' own (ProgressRepository) on " + lastDay + ".");
        out.printf("Wall time %s.%n", seconds(wallTime));
    }

    private void row(PrintStream out, String label, Function<ArmOutcome, String> figure) {
        out.printf("%-50s", label);
        arms.forEach(a -> out.printf(" %-28s", figure.apply(a)));
        out.println();
    }

    /** One CSV line per arm, in {@link #CSV_HEADER}'s columns. */
    public List<String> csvRows() {
        List<String> rows = new ArrayList<>();
        for (ArmOutcome o : arms) {
            PupilFigures p = o.pupils();
            rows.add(String.join(
                    ",",
                    List.of(
                            String.valueOf(seed),
                            number(supply),
                            o.arm().code(),
                            number(p.all().benchmark5().percent()),
                            number(p.disadvantaged().benchmark5().percent()),
                            number(p.send().benchmark5().percent()),
                            number(p.rest().benchmark5().percent()),
                            number(p.ceiling().percent()),
                            number(p.all().withEncounters(0).percent()),
                            number(p.all().withEncounters(1).percent()),
                            number(p.all().withEncounters(2).percent()),
                            number(p.all().withEncounters(3).percent()),
                            number(p.all().onTrackNextYear().percent()),
                            number(p.disadvantaged().onTrackNextYear().percent()),
                            String.valueOf(p.all().shortOfTarget()),
                            number(p.all().benchmark6().percent()),
                            String.valueOf(o.pupilEncounters()),
                            String.valueOf(o.sessionsRequested()),
                            String.valueOf(o.sessionsMatched()),
                            String.valueOf(o.sessionsDelivered()),
                            number(o.meanAsks()),
                            String.valueOf(o.maxAsks()),
                            number(o.meanSolveSeconds()),
                            String.valueOf(p.all().pupils()),
                            String.valueOf(o.events().due()),
                            String.valueOf(o.events().held()),
                            String.valueOf(o.events().stallsWanted()),
                            String.valueOf(o.events().stallsGiven()),
                            String.valueOf(o.events().stallsMatched()),
                            String.valueOf(o.events().pupilsAttending()),
                            String.valueOf(o.events().pupilsReachedOnlyByEvents()))));
        }
        return rows;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String seconds(Duration duration) {
        long s = duration.toSeconds();
        return s >= 60
                ? String.format("%d min %02d s", s / 60, s % 60)
                : String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    ArmOutcome arm(Arm arm) {
        return arms.stream()
                .filter(a -> a.arm() == arm)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No " + arm.code() + " arm in this report"));
    }
}
