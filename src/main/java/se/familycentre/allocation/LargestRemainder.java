package se.familycentre.allocation;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * Rounds exact shares to whole öre so that they add up to a rounded total
 * (RULES §4): every share is cut down to whole öre, and the öre still missing
 * go one each to the largest cut-off remainders; equal remainders go to the
 * share listed first (the service earlier in the centre's order).
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * @param totalOre  the rounded total in öre
     * @param exactOre  the exact shares in öre, non-negative, in the centre's order
     * @return the shares in whole öre, same order, adding up to {@code totalOre}
     */
    public static List<BigInteger> split(BigInteger totalOre, List<Fraction> exactOre) {
        int n = exactOre.size();
        BigInteger[] result = new BigInteger[n];
        Fraction[] remainders = new Fraction[n];
        BigInteger floors = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            Fraction share = exactOre.get(i);
            if (share.signum() < 0) {
                throw new IllegalArgumentException("shares are never negative: " + share);
            }
            result[i] = share.floor();
            remainders[i] = share.fractionalPart();
            floors = floors.add(result[i]);
        }
        int missing = totalOre.subtract(floors).intValueExact();
        if (missing < 0 || missing > n) {
            throw new IllegalStateException("the rounded total " + totalOre + " öre cannot come from shares " + exactOre);
        }
        // the largest remainder not yet served takes the next öre; on a tie the earlier share wins
        boolean[] served = new boolean[n];
        for (int k = 0; k < missing; k++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!served[i] && (best < 0 || remainders[i].compareTo(remainders[best]) > 0)) {
                    best = i;
                }
            }
            served[best] = true;
            result[best] = result[best].add(BigInteger.ONE);
        }
        return Arrays.asList(result);
    }

    /**
     * The same split for shares held in longs ({@link Fraction#isLong()}), on
     * longs: the remainders are compared by their exact 128-bit cross products.
     *
     * @return the shares in whole öre, or {@code null} if their floors do not add up in a long
     */
    static long[] split(long totalOre, Fraction[] exactOre) {
        int n = exactOre.length;
        long[] result = new long[n];
        long[] remainders = new long[n];
        long floors = 0;
        for (int i = 0; i < n; i++) {
            Fraction share = exactOre[i];
            if (share.signum() < 0) {
                throw new IllegalArgumentException("shares are never negative: " + share);
            }
            long num = share.longNumerator();
            long den = share.longDenominator();
            result[i] = num / den;
            remainders[i] = num % den;
            long sum = floors + result[i];
            if (((floors ^ sum) & (result[i] ^ sum)) < 0) {
                return null;
            }
            floors = sum;
        }
        long missing = totalOre - floors;
        if (missing < 0 || missing > n) {
            throw new IllegalStateException("the rounded total " + totalOre + " öre cannot come from shares "
                    + Arrays.asList(exactOre));
        }
        // the largest remainder not yet served takes the next öre; on a tie the earlier share wins
        boolean[] served = new boolean[n];
        for (int k = 0; k < missing; k++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!served[i] && (best < 0 || compareRemainders(remainders[i], exactOre[i].longDenominator(),
                        remainders[best], exactOre[best].longDenominator()) > 0)) {
                    best = i;
                }
            }
            served[best] = true;
            result[best]++;
        }
        return result;
    }

    /** Compares r1/d1 with r2/d2 (all non-negative, denominators positive) by r1 × d2 against r2 × d1, exactly. */
    private static int compareRemainders(long r1, long d1, long r2, long d2) {
        long high1 = Math.multiplyHigh(r1, d2);
        long high2 = Math.multiplyHigh(r2, d1);
        if (high1 != high2) {
            return Long.compare(high1, high2);
        }
        return Long.compareUnsigned(r1 * d2, r2 * d1);
    }
}
