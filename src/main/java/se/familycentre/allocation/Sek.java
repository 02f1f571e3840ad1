package se.familycentre.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;

/**
 * The boundary between Moneta and the engine. Amounts enter and leave the core
 * as {@link MonetaryAmount} in SEK; inside, the engine works on exact
 * {@link Fraction}s because Moneta's arithmetic runs in a {@code MathContext}
 * (DECIMAL64 by default) and cannot hold a third exactly (RULES §4).
 */
public final class Sek {

    public static final CurrencyUnit SEK = Monetary.getCurrency("SEK");

    private Sek() {
    }

    public static MonetaryAmount sek(BigDecimal amount) {
        return org.javamoney.moneta.Money.of(amount, SEK);
    }

    public static MonetaryAmount sek(String amount) {
        return sek(new BigDecimal(amount));
    }

    /** An amount in öre as kronor at scale 2. */
    public static MonetaryAmount ofOre(java.math.BigInteger ore) {
        return sek(new BigDecimal(ore, 2));
    }

    /** An amount in öre as kronor at scale 2. */
    static MonetaryAmount ofOre(long ore) {
        return sek(BigDecimal.valueOf(ore, 2));
    }

    public static BigDecimal decimal(MonetaryAmount amount) {
        return amount.getNumber().numberValue(BigDecimal.class);
    }

    /** The amount at scale 2 as printed in JSON and CSV ({@code Money} itself strips trailing zeros). */
    public static String plain(MonetaryAmount amount) {
        return decimal(amount).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    static Fraction exact(MonetaryAmount amount) {
        return Fraction.of(decimal(amount));
    }

    public static boolean isSek(MonetaryAmount amount) {
        return SEK.equals(amount.getCurrency());
    }
}
