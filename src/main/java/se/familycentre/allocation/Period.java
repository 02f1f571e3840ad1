package se.familycentre.allocation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A stretch of calendar days, both ends inclusive. */
public record Period(LocalDate from, LocalDate to) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** {@code 2025-Q1} is 2025-01-01..2025-03-31. */
    public static Period ofQuarter(String text) {
        Matcher m = QUARTER.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("a quarter is written YYYY-Qn with n from 1 to 4, e.g. 2025-Q1");
        }
        LocalDate from = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
        return new Period(from, from.plusMonths(3).minusDays(1));
    }

    public static boolean isQuarter(String text) {
        return text != null && QUARTER.matcher(text).matches();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The quarter's name if this period is exactly one calendar quarter. */
    public String label() {
        if (from.getDayOfMonth() == 1 && (from.getMonthValue() - 1) % 3 == 0 && to.equals(from.plusMonths(3).minusDays(1))) {
            return from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1);
        }
        return from + "/" + to;
    }
}
