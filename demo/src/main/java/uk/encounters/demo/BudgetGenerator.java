package uk.encounters.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub.Budget;
import uk.encounters.marketplace.calendar.AcademicYear;

/**
 * Virtual wallets for this school year: some schools hold money for paid encounters, more often
 * the deprived ones, which is where the investment fund is targeted.
 */
final class BudgetGenerator {

    private final HubProfile hub;
    private final AcademicYear year;
    private final RandomGenerator random;

    BudgetGenerator(HubProfile hub, Seed seed, LocalDate today) {
        this.hub = hub;
        this.year = AcademicYear.containing(today);
        this.random = seed.random("hub/" + hub.name() + "/budgets");
    }

    List<Budget> generate() {
        List<Budget> budgets = new ArrayList<>();
        for (int s = 0; s < hub.schools().size(); s++) {
            Integer decile = hub.schools().get(s).deprivationDecile();
            double chance = 0.3 + 0.04 * (10 - (decile == null ? 5 : decile));
            if (random.nextDouble() >= chance) {
                continue;
            }
            long amount = 100L * (1500 + 500 * random.nextInt(10));
            long spent = 100L * Math.round(amount / 100.0 * random.nextDouble() * 0.3);
            long committed = 100L * Math.round(amount / 100.0 * random.nextDouble() * 0.2);
            String funder = random.nextDouble() < 0.7 ? "CEC Investment Fund" : "Careers Hub fund";
            budgets.add(new Budget(s, year.startYear(), funder, amount, committed, spent));
        }
        return budgets;
    }
}
