package se.familycentre.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.money.MonetaryAmount;

/**
 * The coordinator (samordnare) as entered by a centre (RULES §3): employed by a
 * base service {@code from..to}, with a monthly salary, FTE % and on-cost %
 * (PO-pålägg) that each change on dates, and yearly amounts for competence
 * development, IT and other costs. {@link CoordinatorExpansion} turns it into
 * ordinary {@code COORDINATOR} lines.
 */
public record Coordinator(
        String id,
        String name,
        String employer,
        LocalDate from,
        LocalDate to,
        MonetaryAmount monthlySalary,
        List<AmountChange> salaryChanges,
        BigDecimal ftePercent,
        List<PercentChange> fteChanges,
        BigDecimal onCostPercent,
        List<PercentChange> onCostChanges,
        MonetaryAmount competenceDevelopmentPerYear,
        MonetaryAmount itPerYear,
        MonetaryAmount otherPerYear) {

    public Coordinator {
        salaryChanges = salaryChanges == null ? List.of() : List.copyOf(salaryChanges);
        fteChanges = fteChanges == null ? List.of() : List.copyOf(fteChanges);
        onCostChanges = onCostChanges == null ? List.of() : List.copyOf(onCostChanges);
    }
}
