package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.money.Pounds;
import uk.encounters.marketplace.school.BudgetChanges;
import uk.encounters.marketplace.school.BudgetRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/** The school's money for paid encounters this academic year: who gave it, what is committed and spent. */
public final class BudgetRoutes {

    /** The year's funders, each line and the totals in pounds. */
    public record BudgetPage(long schoolId, String year, List<Line> lines, String total, String remaining) {}

    /** One funder's money, in pounds. */
    public record Line(String funder, String amount, String committed, String spent, String remaining) {}

    private final BudgetRepository budgets;
    private final BudgetChanges changes;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public BudgetRoutes(
            BudgetRepository budgets, BudgetChanges changes, Blocking blocking, Templates templates, Clock clock) {
        this.budgets = budgets;
        this.changes = changes;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        school.get("/budget", this::showBudget);
        school.post("/budget", this::processBudgetForm);
    }

    public void showBudget(RoutingContext ctx) {
        showPage(ctx, 200, Form.blank());
    }

    /** Adds a funder's money for this year, or changes what a funder gives. */
    public void processBudgetForm(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form form = Form.of(ctx);
        String funder = form.required("funder", "Who funds it", 200);
        Long amount = form.pounds("amount", "Amount", 1_000_000);
        if (amount == null && !form.hasErrors()) {
            form.error("amount", "Enter the amount in pounds");
        }
        if (form.hasErrors()) {
            showPage(ctx, 422, form);
            return;
        }
        AcademicYear year = AcademicYear.containing(LocalDate.now(clock));
        BudgetRepository.Saved saved = blocking.call(
                () -> changes.setAmount(CurrentUser.actor(ctx), schoolId, year.startYear(), funder, amount));
        if (saved == BudgetRepository.Saved.BELOW_WHAT_IS_USED) {
            form.error("amount", "Bookings have already committed or spent more than that from " + funder);
            showPage(ctx, 422, form);
            return;
        }
        Flash.set(ctx, "Saved: " + funder + " gives " + Pounds.format(amount) + " for " + year.label() + ".");
        ctx.redirect("/schools/" + schoolId + "/budget");
    }

    private void showPage(RoutingContext ctx, int status, Form form) {
        long schoolId = PathId.required(ctx, "schoolId");
        AcademicYear year = AcademicYear.containing(LocalDate.now(clock));
        List<BudgetRepository.BudgetLine> lines = blocking.call(() -> budgets.forYear(schoolId, year.startYear()));
        BudgetPage page = new BudgetPage(
                schoolId,
                year.label(),
                lines.stream()
                        .map(l -> new Line(
                                l.funder(),
                                Pounds.format(l.amountPence()),
                                Pounds.format(l.committedPence()),
                                Pounds.format(l.spentPence()),
                                Pounds.format(l.remainingPence())))
                        .toList(),
                Pounds.format(lines.stream()
                        .mapToLong(BudgetRepository.BudgetLine::amountPence)
                        .sum()),
                Pounds.format(lines.stream()
                        .mapToLong(BudgetRepository.BudgetLine::remainingPence)
                        .sum()));
        templates.render(ctx, status, "school/budget", "Budget for paid encounters", page, form);
    }
}
