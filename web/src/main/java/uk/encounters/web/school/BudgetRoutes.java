package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.money.Pounds;
import uk.encounters.marketplace.school.BudgetRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/** The school's money for paid encounters this academic year: who gave it, what is committed and spent. */
public final class BudgetRoutes {

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public BudgetRoutes(Database database, Blocking blocking, Templates templates, Clock clock) {
        this.database = database;
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
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        BudgetRepository.Saved saved = blocking.call(() -> database.dsl().transactionResult(c -> {
            var result = new BudgetRepository(c.dsl()).setAmount(schoolId, year.startYear(), funder, amount);
            if (result != BudgetRepository.Saved.BELOW_WHAT_IS_USED) {
                new AuditLog(c.dsl())
                        .record(
                                actor,
                                "budget_set",
                                "school",
                                schoolId,
                                Map.of("funder", funder, "amount_pence", amount, "academic_year", year.startYear()),
                                ip);
            }
            return result;
        }));
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
        List<BudgetRepository.BudgetLine> lines =
                blocking.call(() -> new BudgetRepository(database.dsl()).forYear(schoolId, year.startYear()));
        Map<String, Object> model = new HashMap<>(form.model());
        model.put("schoolId", schoolId);
        model.put("year", year.label());
        model.put(
                "lines",
                lines.stream()
                        .map(l -> Map.of(
                                "funder",
                                l.funder(),
                                "amount",
                                Pounds.format(l.amountPence()),
                                "committed",
                                Pounds.format(l.committedPence()),
                                "spent",
                                Pounds.format(l.spentPence()),
                                "remaining",
                                Pounds.format(l.remainingPence())))
                        .toList());
        model.put(
                "total",
                Pounds.format(lines.stream()
                        .mapToLong(BudgetRepository.BudgetLine::amountPence)
                        .sum()));
        model.put(
                "remaining",
                Pounds.format(lines.stream()
                        .mapToLong(BudgetRepository.BudgetLine::remainingPence)
                        .sum()));
        templates.render(ctx, status, "school/budget", "Budget for paid encounters", model);
    }
}
