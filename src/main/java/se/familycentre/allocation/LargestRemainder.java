package se.familycentre.allocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
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
        List<BigInteger> result = new ArrayList<>(n);
        List<Fraction> remainders = new ArrayList<>(n);
        BigInteger floors = BigInteger.ZERO;
        for (Fraction share : exactOre) {
            if (share.signum() < 0) {
                throw new IllegalArgumentException("shares are never negative: " + share);
            }
            BigInteger floor = share.floor();
            result.add(floor);
            remainders.add(share.subtract(Fraction.of(floor, BigInteger.ONE)));
            floors = floors.add(floor);
        }
        int missing = totalOre.subtract(floors).intValueExact();
        if (missing < 0 || missing > n) {
            throw new IllegalStateException("the rounded total " + totalOre + " öre cannot come from shares " + exactOre);
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, Fraction>comparing(remainders::get).reversed().thenComparing(i -> i));
        for (int k = 0; k < missing; k++) {
            int i = order.get(k);
            result.set(i, result.get(i).add(BigInteger.ONE));
        }
        return result;
    }
}
