package se.familycentre.allocation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact rational number. Shares are thirds, 28ths and 31sts of amounts
 * (RULES §4), which no decimal scale represents exactly, so the engine keeps
 * every intermediate value as a fraction and rounds once per line at the end.
 *
 * <p>Almost every value here fits in a {@code long} numerator and denominator,
 * so that is how a value is held whenever it fits; arithmetic on two such
 * values runs on {@code long}s when the operands' bit lengths show that no
 * product or sum can overflow, and on {@link BigInteger} otherwise. The form is
 * canonical (lowest terms, positive denominator, {@code long}s whenever both
 * fit), so equal values are equal objects either way.
 */
public final class Fraction implements Comparable<Fraction> {

    public static final Fraction ZERO = new Fraction(0, 1);
    public static final Fraction ONE = new Fraction(1, 1);

    private static final int SMALL_DECIMALS = 18;
    private static final long[] POWERS_OF_TEN = new long[SMALL_DECIMALS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i <= SMALL_DECIMALS; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** The value while it fits; meaningful only when {@code bigNumerator == null}. */
    private final long numerator;
    private final long denominator;
    /** The value when it does not fit in {@code long}s; both {@code null} otherwise. */
    private final BigInteger bigNumerator;
    private final BigInteger bigDenominator;

    private Fraction(long numerator, long denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
        this.bigNumerator = null;
        this.bigDenominator = null;
    }

    private Fraction(BigInteger numerator, BigInteger denominator) {
        this.numerator = 0;
        this.denominator = 0;
        this.bigNumerator = numerator;
        this.bigDenominator = denominator;
    }

    public static Fraction of(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        if (numerator.signum() == 0) {
            return ZERO;
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        if (numerator.bitLength() < Long.SIZE && denominator.bitLength() < Long.SIZE) {
            return new Fraction(numerator.longValue(), denominator.longValue());
        }
        return new Fraction(numerator, denominator);
    }

    public static Fraction of(long numerator, long denominator) {
        if (denominator == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        if (numerator == Long.MIN_VALUE || denominator == Long.MIN_VALUE) {
            return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
        }
        if (numerator == 0) {
            return ZERO;
        }
        if (denominator < 0) {
            numerator = -numerator;
            denominator = -denominator;
        }
        long gcd = denominator == 1 ? 1 : gcd(Math.abs(numerator), denominator);
        if (gcd != 1) {
            numerator /= gcd;
            denominator /= gcd;
        }
        return new Fraction(numerator, denominator);
    }

    public static Fraction of(long value) {
        return value == 0 ? ZERO : value == 1 ? ONE : of(value, 1);
    }

    public static Fraction of(BigDecimal value) {
        int scale = value.scale();
        if (scale >= 0 && scale <= SMALL_DECIMALS && value.precision() < SMALL_DECIMALS) {
            return of(value.unscaledValue().longValue(), POWERS_OF_TEN[scale]);
        }
        if (scale <= 0) {
            return of(value.toBigIntegerExact(), BigInteger.ONE);
        }
        return of(value.unscaledValue(), BigInteger.TEN.pow(scale));
    }

    private boolean isSmall() {
        return bigNumerator == null;
    }

    private boolean isOne() {
        return numerator == 1 && denominator == 1 && bigNumerator == null;
    }

    /** Whether the value is held in {@code long}s; then {@link #longNumerator()} and {@link #longDenominator()} are it. */
    boolean isLong() {
        return bigNumerator == null;
    }

    long longNumerator() {
        return numerator;
    }

    long longDenominator() {
        return denominator;
    }

    public Fraction add(Fraction other) {
        if (signum() == 0) {
            return other;
        }
        if (other.signum() == 0) {
            return this;
        }
        if (isSmall() && other.isSmall()) {
            // over the least common denominator, so that the terms stay as small as they can; reduced as in
            // Knuth (TAOCP 4.5.1): only the common factor g of the denominators can divide the new numerator
            long g = denominator == other.denominator ? denominator : gcd(denominator, other.denominator);
            long mine = other.denominator / g;
            long theirs = denominator / g;
            if (productFits(numerator, mine) && productFits(other.numerator, theirs) && productFits(denominator, mine)) {
                // each term is below 2^62 in magnitude, so their sum fits
                long t = numerator * mine + other.numerator * theirs;
                if (t == 0) {
                    return ZERO;
                }
                if (g == 1) {
                    // both in lowest terms with coprime denominators: so is the sum
                    return new Fraction(t, denominator * mine);
                }
                long g2 = gcd(Math.abs(t), g);
                return new Fraction(t / g2, theirs * (other.denominator / g2));
            }
        }
        BigInteger n = numerator();
        BigInteger d = denominator();
        BigInteger on = other.numerator();
        BigInteger od = other.denominator();
        if (d.equals(od)) {
            return of(n.add(on), d);
        }
        return of(n.multiply(od).add(on.multiply(d)), d.multiply(od));
    }

    public Fraction subtract(Fraction other) {
        return add(other.negate());
    }

    public Fraction negate() {
        if (signum() == 0) {
            return this;
        }
        if (isSmall()) {
            // numerator is never Long.MIN_VALUE in the small form: such a value is held as BigInteger
            return numerator == Long.MIN_VALUE ? of(bigOf(numerator).negate(), bigOf(denominator))
                    : new Fraction(-numerator, denominator);
        }
        return of(bigNumerator.negate(), bigDenominator);
    }

    public Fraction multiply(Fraction other) {
        if (signum() == 0 || other.signum() == 0) {
            return ZERO;
        }
        if (other.isOne()) {
            return this;
        }
        if (isOne()) {
            return other;
        }
        if (isSmall() && other.isSmall()) {
            // cross-reduce first so that the products stay small
            long g1 = gcd(Math.abs(numerator), other.denominator);
            long g2 = gcd(Math.abs(other.numerator), denominator);
            long n1 = numerator / g1;
            long n2 = other.numerator / g2;
            long d1 = denominator / g2;
            long d2 = other.denominator / g1;
            if (productFits(n1, n2) && productFits(d1, d2)) {
                // both in lowest terms and cross-reduced: so is the product, and its denominator is positive
                return new Fraction(n1 * n2, d1 * d2);
            }
        }
        return of(numerator().multiply(other.numerator()), denominator().multiply(other.denominator()));
    }

    public Fraction divide(Fraction other) {
        if (other.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return multiply(other.reciprocal());
    }

    private Fraction reciprocal() {
        if (isSmall()) {
            // lowest terms stay lowest terms; only the sign moves to the numerator
            return numerator < 0 ? new Fraction(-denominator, -numerator) : new Fraction(denominator, numerator);
        }
        return of(bigDenominator, bigNumerator);
    }

    public int signum() {
        return isSmall() ? Long.signum(numerator) : bigNumerator.signum();
    }

    /** The largest integer not above this value. */
    public BigInteger floor() {
        if (isSmall()) {
            return BigInteger.valueOf(Math.floorDiv(numerator, denominator));
        }
        BigInteger[] qr = bigNumerator.divideAndRemainder(bigDenominator);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /** This value less its floor, from 0 up to but not including 1. */
    public Fraction fractionalPart() {
        if (isSmall()) {
            return of(Math.floorMod(numerator, denominator), denominator);
        }
        return subtract(of(floor(), BigInteger.ONE));
    }

    /** Rounded to the given number of decimals; exact because the decimal is computed from integers. */
    public BigDecimal toBigDecimal(int scale, RoundingMode mode) {
        if (isSmall()) {
            return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, mode);
        }
        return new BigDecimal(bigNumerator).divide(new BigDecimal(bigDenominator), scale, mode);
    }

    /** The exact decimal value; for amounts built from decimals by products and sums, which always terminate. */
    public BigDecimal toExactDecimal() {
        if (isSmall()) {
            BigDecimal decimal = terminatingDecimal();
            if (decimal != null) {
                return decimal.stripTrailingZeros();
            }
            return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator)).stripTrailingZeros();
        }
        return new BigDecimal(bigNumerator).divide(new BigDecimal(bigDenominator)).stripTrailingZeros();
    }

    /**
     * The value as numerator × 10^k / 10^k when the denominator is 2^a × 5^b
     * (k = max(a, b)) and that fits in a long; {@code null} otherwise, for
     * BigDecimal's own exact division to decide.
     */
    private BigDecimal terminatingDecimal() {
        long d = denominator;
        int twos = Long.numberOfTrailingZeros(d);
        d >>= twos;
        int fives = 0;
        while (d % 5 == 0) {
            d /= 5;
            fives++;
        }
        if (d != 1) {
            return null;
        }
        int scale = Math.max(twos, fives);
        long unscaled = numerator;
        for (int i = twos; i < scale; i++) {
            if (!productFits(unscaled, 2)) {
                return null;
            }
            unscaled *= 2;
        }
        for (int i = fives; i < scale; i++) {
            if (!productFits(unscaled, 5)) {
                return null;
            }
            unscaled *= 5;
        }
        return BigDecimal.valueOf(unscaled, scale);
    }

    public BigInteger numerator() {
        return isSmall() ? bigOf(numerator) : bigNumerator;
    }

    public BigInteger denominator() {
        return isSmall() ? bigOf(denominator) : bigDenominator;
    }

    @Override
    public int compareTo(Fraction other) {
        if (isSmall() && other.isSmall()) {
            if (denominator == other.denominator) {
                return Long.compare(numerator, other.numerator);
            }
            if (productFits(numerator, other.denominator) && productFits(other.numerator, denominator)) {
                return Long.compare(numerator * other.denominator, other.numerator * denominator);
            }
        }
        return numerator().multiply(other.denominator()).compareTo(other.numerator().multiply(denominator()));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fraction f)) {
            return false;
        }
        if (isSmall() != f.isSmall()) {
            return false;
        }
        return isSmall() ? numerator == f.numerator && denominator == f.denominator
                : bigNumerator.equals(f.bigNumerator) && bigDenominator.equals(f.bigDenominator);
    }

    @Override
    public int hashCode() {
        return isSmall() ? 31 * Long.hashCode(numerator) + Long.hashCode(denominator)
                : 31 * bigNumerator.hashCode() + bigDenominator.hashCode();
    }

    @Override
    public String toString() {
        if (isSmall()) {
            return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
        }
        return bigDenominator.equals(BigInteger.ONE) ? bigNumerator.toString() : bigNumerator + "/" + bigDenominator;
    }

    private static BigInteger bigOf(long value) {
        return BigInteger.valueOf(value);
    }

    /**
     * Whether |a × b| is certainly below 2^62: checked on bit lengths, without
     * an exception, since an overflow here is routine and only means the
     * BigInteger form is needed. Neither value is {@code Long.MIN_VALUE} (the
     * long form never holds it).
     */
    private static boolean productFits(long a, long b) {
        return Long.numberOfLeadingZeros(Math.abs(a)) + Long.numberOfLeadingZeros(Math.abs(b)) >= 66;
    }

    /**
     * Greatest common divisor of two non-negative values, not both zero: binary
     * (Stein's), since shifts and subtractions are much cheaper than the
     * divisions of Euclid's remainders.
     */
    private static long gcd(long a, long b) {
        if (a == 0) {
            return b;
        }
        if (b == 0) {
            return a;
        }
        int shift = Long.numberOfTrailingZeros(a | b);
        a >>>= Long.numberOfTrailingZeros(a);
        do {
            b >>>= Long.numberOfTrailingZeros(b);
            if (a > b) {
                long t = a;
                a = b;
                b = t;
            }
            b -= a;
        } while (b != 0);
        return a << shift;
    }
}
