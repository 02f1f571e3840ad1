package se.familycentre.allocation;

import java.math.BigInteger;
import javax.money.MonetaryAmount;

/**
 * Whole öre as Moneta amounts for one allocation. The engine counts in öre and
 * makes a {@link MonetaryAmount} only for what it answers; Moneta's constructor
 * is costly (it prints and parses the number) and an answer repeats the same
 * few values (zero shares, equal shares), so each value is made once. The
 * values are kept in a small open-addressed table keyed by the öre themselves,
 * so a look-up boxes nothing.
 */
final class OreAmounts {

    private long[] keys = new long[128];
    private MonetaryAmount[] values = new MonetaryAmount[128];
    private int size;

    MonetaryAmount of(long ore) {
        int mask = keys.length - 1;
        int i = hash(ore) & mask;
        while (values[i] != null) {
            if (keys[i] == ore) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        MonetaryAmount amount = Sek.ofOre(ore);
        keys[i] = ore;
        values[i] = amount;
        if (++size * 2 > keys.length) {
            grow();
        }
        return amount;
    }

    MonetaryAmount of(BigInteger ore) {
        return ore.bitLength() < Long.SIZE ? of(ore.longValue()) : Sek.ofOre(ore);
    }

    private static int hash(long ore) {
        long h = ore * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldKeys = keys;
        MonetaryAmount[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new MonetaryAmount[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != null) {
                int i = hash(oldKeys[j]) & mask;
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }
}
