package se.familycentre.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.money.MonetaryAmount;

/**
 * What every part of a centre is checked against the same way: required text
 * and its length, date order, references to services, amounts and percentages,
 * dated changes. It collects every violation, so a refusal lists them all at
 * once (RULES: "every offending field at once").
 */
final class Checks {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal MAX_PERCENT = new BigDecimal("100000");
    /** Ids are short keys that address parts of a centre; names are for people. */
    static final int MAX_ID = 64;
    static final int MAX_NAME = 200;

    private final List<Violation> violations = new ArrayList<>();
    /** Whether amounts are held to the register's four decimals; a plan's expanded amounts are exact. */
    private final boolean registerPrecision;
    /** The services by id, as far as they have been checked; later parts refer to them. */
    final Map<String, Service> services = new HashMap<>();

    Checks() {
        this(true);
    }

    Checks(boolean registerPrecision) {
        this.registerPrecision = registerPrecision;
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    void add(String field, String reason) {
        violations.add(new Violation(field, reason));
    }

    void add(Field field, String reason) {
        violations.add(new Violation(field.toString(), reason));
    }

    boolean requireText(String text, Field field) {
        if (text == null || text.isBlank()) {
            add(field, "is required");
            return false;
        }
        return maxLength(text, field, field.endsWith("id") ? MAX_ID : MAX_NAME);
    }

    boolean maxLength(String text, String field, int max) {
        if (text != null && text.length() > max) {
            add(field, "is at most " + max + " characters, was " + text.length());
            return false;
        }
        return true;
    }

    boolean maxLength(String text, Field field, int max) {
        if (text != null && text.length() > max) {
            add(field, "is at most " + max + " characters, was " + text.length());
            return false;
        }
        return true;
    }

    void dateOrder(LocalDate from, LocalDate to, Field path) {
        if (from != null && to != null && to.isBefore(from)) {
            add(path.dot("to"), "is before from (" + from + ")");
        }
    }

    void serviceRef(String id, Field field, boolean required) {
        if (id == null) {
            if (required) {
                add(field, "is required");
            }
        } else if (!services.containsKey(id)) {
            add(field, "no service of the centre has id " + id);
        }
    }

    void money(MonetaryAmount amount, Field field, boolean required) {
        if (amount == null) {
            if (required) {
                add(field, "is required");
            }
            return;
        }
        if (!Sek.isSek(amount)) {
            add(field, "must be in SEK, was " + amount.getCurrency().getCurrencyCode());
        }
        BigDecimal value = Sek.decimal(amount);
        if (value.signum() < 0) {
            add(field, "must not be negative, was " + value.toPlainString());
        }
        decimals(value, field);
    }

    /**
     * The register keeps amounts and percentages to four decimals; more would be rounded silently, so it is refused.
     * A plan's amounts, expanded from its assumptions (RULES §7), are exact and are not held to it.
     * Stripping zeros only lowers a scale, so a scale of four or less needs no stripping.
     */
    private void decimals(BigDecimal value, Field field) {
        if (registerPrecision && value.scale() > 4 && value.stripTrailingZeros().scale() > 4) {
            add(field, "has at most four decimals, was " + value.toPlainString());
        }
    }

    void percent(BigDecimal value, Field field, boolean fte) {
        if (value == null) {
            add(field, "is required");
        } else if (fte && (value.signum() <= 0 || value.compareTo(HUNDRED) > 0)) {
            add(field, "an FTE percentage is above 0 and at most 100, was " + value.toPlainString());
        } else if (!fte && value.signum() < 0) {
            add(field, "must not be negative, was " + value.toPlainString());
        } else if (value.compareTo(MAX_PERCENT) >= 0) {
            add(field, "must be below " + MAX_PERCENT.toPlainString() + ", was " + value.toPlainString());
        } else {
            decimals(value, field);
        }
    }

    /** RULES §3: each change is dated strictly after the previous one (the first after the start) and within the validity. */
    <T> void changeDates(List<T> changes, Function<T, LocalDate> date, LocalDate from, LocalDate to, Field path) {
        LocalDate previous = from;
        for (int k = 0; k < changes.size(); k++) {
            LocalDate d = date.apply(changes.get(k));
            Field field = path.at(k).dot("from");
            if (d == null) {
                add(field, "is required");
                continue;
            }
            if (previous != null && !d.isAfter(previous)) {
                add(field, k == 0 && previous.equals(from)
                        ? "must be after the start " + from + " (the first amount holds from the start)"
                        : "must be after the previous change's date " + previous);
            } else if (to != null && d.isAfter(to)) {
                add(field, "falls after the end of the validity " + to);
            }
            previous = d;
        }
    }
}
