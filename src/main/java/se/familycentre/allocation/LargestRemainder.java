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
}
