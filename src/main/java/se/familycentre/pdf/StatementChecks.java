package se.familycentre.pdf;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.Sek;
import se.familycentre.statement.Statement;
import se.familycentre.statement.StatementDocument;
import se.familycentre.statement.StatementLine;

/**
 * What must hold before a statement is printed: each kind of document has the
 * numbers and dates it cites, and every printed sum is the sum of the amounts
 * printed under it (RULES §4). A document that fails is refused, never printed
 * with a wrong or missing figure.
 */
final class StatementChecks {

    private StatementChecks() {
    }

    static void check(StatementDocument doc) {
        Objects.requireNonNull(doc.statement(), "statement");
        Objects.requireNonNull(doc.kind(), "kind");
        switch (doc.kind()) {
            case DRAFT -> {
                if (doc.number() != null) {
                    throw new IllegalArgumentException("a draft has no number");
                }
            }
            case INVOICE -> {
                require(doc.number(), "an issued statement has a number");
                require(doc.issuedOn(), "an issued statement has a date of issue");
            }
            case CREDIT -> {
                require(doc.number(), "a credit statement has a number");
                require(doc.issuedOn(), "a credit statement has a date of issue");
                require(doc.creditsNumber(), "a credit statement names the number of the statement it credits");
                require(doc.creditsIssuedOn(), "a credit statement names the date of the statement it credits");
            }
            default -> throw new IllegalArgumentException("unknown kind " + doc.kind());
        }
    }

    private static void require(Object value, String message) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Each pool's stated sum is the sum of its lines' shares, and the total the sum of the pools. */
    static void verifySums(Statement st, Map<Pool, List<List<StatementLine>>> byPool) {
        BigDecimal total = BigDecimal.ZERO;
        for (Pool pool : Pool.values()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (List<StatementLine> group : byPool.getOrDefault(pool, List.of())) {
                for (StatementLine line : group) {
                    sum = sum.add(Sek.decimal(line.share()));
                }
            }
            MonetaryAmount printed = st.sumsByPool().get(pool);
            BigDecimal stated = printed == null ? BigDecimal.ZERO : Sek.decimal(printed);
            if (stated.compareTo(sum) != 0) {
                throw new IllegalStateException("the statement's sum for " + pool + " (" + stated
                        + ") is not the sum of its lines (" + sum + ")");
            }
            total = total.add(sum);
        }
        if (Sek.decimal(st.total()).compareTo(total) != 0) {
            throw new IllegalStateException("the statement's total (" + Sek.plain(st.total())
                    + ") is not the sum of its pools (" + total + ")");
        }
    }
}
