package uk.encounters.marketplace.school;

import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/** What a careers leader changes in the school's budget for paid encounters; each change one transaction with its audit entry. */
public final class BudgetChanges {

    private final DSLContext dsl;

    public BudgetChanges(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Sets what a funder gives in an academic year; refused (and not audited) below what bookings
     * have already committed and spent from it.
     */
    public BudgetRepository.Saved setAmount(
            Actor actor, long schoolId, int academicYear, String funder, long amountPence) {
        return dsl.transactionResult(c -> {
            var saved = new BudgetRepository(c.dsl()).setAmount(schoolId, academicYear, funder, amountPence);
            if (saved != BudgetRepository.Saved.BELOW_WHAT_IS_USED) {
                new AuditLog(c.dsl())
                        .record(
                                actor,
                                "budget_set",
                                "school",
                                schoolId,
                                Map.of("funder", funder, "amount_pence", amountPence, "academic_year", academicYear));
            }
            return saved;
        });
    }
}
