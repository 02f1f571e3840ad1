package se.familycentre.invoicing;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.AllocationOutcome;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.Allocations;
import se.familycentre.centre.CentreStore;
import se.familycentre.centre.Refusal;
import se.familycentre.centre.SavedScenarios;
import se.familycentre.format.ScenarioBudgets;
import se.familycentre.scenario.ScenarioRun;

/**
 * Budget against outcome (issue 11; the yearly follow-up local agreements ask for): for a centre
 * made from a plan, each year of the plan and each legal entity, three figures side by side.
 * <ul>
 *   <li>the budget: the entity's cost, and what it is reimbursed and reimburses, as the plan computed
 *       them the day it became a centre;</li>
 *   <li>the allocation: the same figures for the year from the centre as the register holds it now;</li>
 *   <li>the invoiced: the net of the standing statements of the year's quarters issued so far (what
 *       the entity is owed less what it owes), against the budget's net for those same quarters.</li>
 * </ul>
 */
@Singleton
public class FollowUp {

    private final SavedScenarios plans;
    private final StatementRepository statements;
    private final CentreStore store;
    private final Allocations allocations;

    public FollowUp(SavedScenarios plans, StatementRepository statements, CentreStore store, Allocations allocations) {
        this.plans = plans;
        this.statements = statements;
        this.store = store;
        this.allocations = allocations;
    }

    /** The follow-up of a decided plan: the plan, the centre it became, and each year. */
    public record Report(SavedScenarios.Saved plan, long centreId, LocalDate decidedOn, List<Year> years) {
    }

    /**
     * One year of the plan.
     *
     * @param allocationRefused why the register's centre cannot be computed for the year (an index value
     *                          not entered yet, say); empty when it can
     */
    public record Year(Period period, List<EntityYear> entities, List<Violation> allocationRefused) {
    }

    /**
     * One legal entity's year.
     *
     * @param allocated         the register's figures for the year, or null when they cannot be computed
     * @param invoicedQuarters  the year's quarters with standing statements, as {@code 2025-Q1}
     * @param invoicedNet       what the standing statements of those quarters owe the entity, less what it owes
     * @param budgetNetInvoiced the budget's reimbursed less reimburses for the same quarters
     */
    public record EntityYear(String organisationNumber, String name, ScenarioRun.EntityCost budget,
                             ScenarioRun.EntityCost allocated, List<String> invoicedQuarters, MonetaryAmount invoicedNet,
                             MonetaryAmount budgetNetInvoiced) {
    }

    /**
     * @param mine the principal's organisationsnummer, or null for an administrator
     * @throws Refusal.NotFound no such plan among the principal's
     * @throws Refusal.Conflict the plan has not become a centre
     */
    @Transactional(readOnly = true)
    public Report of(long scenarioId, Set<String> mine) {
        SavedScenarios.Saved plan = plans.get(scenarioId, mine);
        if (plan.centreId() == null || plan.budget() == null) {
            throw new Refusal.Conflict("scenario " + scenarioId + " has not become a centre; there is no outcome yet",
                    List.of(new Violation("centreId", "is empty; make the decided plan a centre first")));
        }
        ScenarioBudgets.Budget budget = ScenarioBudgets.read(plan.budget());
        long centreId = plan.centreId();
        Centre centre = store.document(centreId).centre();
        List<StatementRow> rows = statements.findByCentreIdOrderById(centreId);
        Set<Long> credited = rows.stream().filter(r -> r.kind() == StatementKind.CREDIT).map(StatementRow::creditsId)
                .collect(Collectors.toCollection(HashSet::new));
        List<StatementRow> standing = rows.stream()
                .filter(r -> r.kind() == StatementKind.INVOICE && !credited.contains(r.id())).toList();
        List<Year> years = new ArrayList<>();
        for (ScenarioBudgets.Entry y : budget.years()) {
            AllocationOutcome outcome = allocations.allocate(centre, y.period());
            List<ScenarioRun.EntityCost> allocated = outcome instanceof AllocationOutcome.Allocated a
                    ? ScenarioRun.entities(centre, a.allocation()) : List.of();
            List<Violation> refused = outcome instanceof AllocationOutcome.Refused r ? r.violations() : List.of();
            List<EntityYear> entities = new ArrayList<>();
            for (ScenarioRun.EntityCost b : y.entities()) {
                String org = b.organisationNumber();
                TreeSet<String> quarters = new TreeSet<>();
                BigDecimal net = BigDecimal.ZERO.setScale(2);
                for (StatementRow s : standing) {
                    if (!y.period().contains(s.periodFrom()) || !(org.equals(s.creditor()) || org.equals(s.debtor()))) {
                        continue;
                    }
                    quarters.add(quarter(s.periodFrom()));
                    net = net.add(org.equals(s.creditor()) ? s.total() : BigDecimal.ZERO)
                            .subtract(org.equals(s.debtor()) ? s.total() : BigDecimal.ZERO);
                }
                BigDecimal budgeted = BigDecimal.ZERO.setScale(2);
                for (ScenarioBudgets.Entry q : budget.quarters()) {
                    if (quarters.contains(quarter(q.period().from()))) {
                        for (ScenarioRun.EntityCost c : q.entities()) {
                            if (c.organisationNumber().equals(org)) {
                                budgeted = budgeted.add(Sek.decimal(c.reimbursed())).subtract(Sek.decimal(c.reimburses()));
                            }
                        }
                    }
                }
                ScenarioRun.EntityCost now = allocated.stream().filter(c -> c.organisationNumber().equals(org))
                        .findFirst().orElse(null);
                entities.add(new EntityYear(org, b.name(), b, now, List.copyOf(quarters), Sek.sek(net),
                        Sek.sek(budgeted)));
            }
            years.add(new Year(y.period(), entities, refused));
        }
        return new Report(plan, centreId, budget.decidedOn(), years);
    }

    /** The calendar quarter a day falls in, as {@code 2025-Q1}. */
    static String quarter(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }
}
