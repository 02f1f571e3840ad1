package se.familycentre.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.LineOrigin;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.ServiceType;

/**
 * Swedish presentation of the statement's values, shared by the PDF and the web
 * page: amounts {@code 12 345,67 kr} (a no-break space groups the thousands and
 * joins the amount to {@code kr}, a comma marks the decimals, a negative amount
 * carries a real minus sign U+2212), ISO dates, and the Swedish names of
 * service types, pools and generated lines. Nothing here rounds an amount: an
 * amount that is not whole öre is a programming error and throws.
 */
public final class SwedishFormat {

    /** No-break space: groups thousands and keeps an amount on one line with its {@code kr}. */
    public static final char NBSP = '\u00A0';
    /** The minus sign U+2212 (not the hyphen-minus). */
    public static final char MINUS = '\u2212';
    /** An en dash with spaces, between the ends of a date range. */
    public static final String RANGE = " \u2013 ";

    private SwedishFormat() {
    }

    /** {@code 12 345,67 kr}; only SEK. */
    public static String amount(MonetaryAmount amount) {
        if (!Sek.isSek(amount)) {
            throw new IllegalArgumentException("only SEK amounts are printed: " + amount.getCurrency());
        }
        return amount(Sek.decimal(amount));
    }

    /** {@code 12 345,67 kr}. */
    public static String amount(BigDecimal kronor) {
        return number(kronor) + NBSP + "kr";
    }

    /** {@code 12 345,67}: whole öre, without the currency. */
    public static String number(MonetaryAmount amount) {
        return number(Sek.decimal(amount));
    }

    /** {@code 12 345,67}: whole öre, without the currency; throws if the value is not whole öre. */
    public static String number(BigDecimal kronor) {
        return grouped(kronor.setScale(2, RoundingMode.UNNECESSARY));
    }

    /** Grouped with the decimals the value has: {@code 833,3333}. */
    public static String asGiven(BigDecimal value) {
        return grouped(value);
    }

    /** One decimal, half away from zero: {@code 40,0}, {@code 1 210,5}. */
    public static String decimal1(BigDecimal value) {
        return grouped(value.setScale(1, RoundingMode.HALF_UP));
    }

    /** As many decimals as the value has, trailing zeros dropped: {@code 10}, {@code 12,5}. */
    public static String decimal(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return grouped(v.scale() < 0 ? v.setScale(0) : v);
    }

    /** {@code 10 %} (with a no-break space, as Swedish writes it). */
    public static String percent(BigDecimal value) {
        return decimal(value) + NBSP + "%";
    }

    /** ISO 8601: {@code 2025-03-31}. */
    public static String date(LocalDate day) {
        return day.toString();
    }

    /** {@code 2025-01-01 – 2025-03-31}. */
    public static String range(LocalDate from, LocalDate to) {
        return date(from) + RANGE + date(to);
    }

    /** {@code 2025-01-01 – 2025-03-31}. */
    public static String period(Period period) {
        return range(period.from(), period.to());
    }

    /** The quarter's name ({@code 2025-Q1}) when the period is exactly a calendar quarter, else null. */
    public static String quarter(Period period) {
        String label = period.label();
        return Period.isQuarter(label) ? label : null;
    }

    /** {@code 1 dag}, {@code 45 dagar}. */
    public static String days(long days) {
        return days + (days == 1 ? " dag" : " dagar");
    }

    /** {@code 30 dagar netto}. */
    public static String paymentTerms(int days) {
        return days + (days == 1 ? " dag" : " dagar") + " netto";
    }

    /** The Swedish name of a service type: {@code MIDWIFE_CLINIC} is {@code Barnmorskemottagning}. */
    public static String serviceType(ServiceType type) {
        return SwedishTerms.serviceType(type);
    }

    /** The Swedish name of a service type given by its constant's name; an unknown name is returned as it is. */
    public static String serviceType(String type) {
        if (type == null) {
            return "";
        }
        try {
            return serviceType(ServiceType.valueOf(type));
        } catch (IllegalArgumentException e) {
            return type;
        }
    }

    /** The Swedish heading of a pool. */
    public static String pool(Pool pool) {
        return SwedishTerms.pool(pool);
    }

    /** The Swedish name of a generated line; null for an entered cost line, which keeps its own name. */
    public static String origin(LineOrigin origin) {
        return SwedishTerms.origin(origin);
    }

    /** Digits grouped by three with no-break spaces, a decimal comma and U+2212 for a negative value. */
    private static String grouped(BigDecimal value) {
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        StringBuilder out = new StringBuilder();
        if (value.signum() < 0) {
            out.append(MINUS);
        }
        int lead = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
        out.append(whole, 0, lead);
        for (int i = lead; i < whole.length(); i += 3) {
            out.append(NBSP).append(whole, i, i + 3);
        }
        if (!fraction.isEmpty()) {
            out.append(',').append(fraction);
        }
        return out.toString();
    }
}
