package se.familycentre.allocation;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.money.MonetaryAmount;

/**
 * Whole öre as Moneta amounts for one allocation. The engine counts in öre and
 * makes a {@link MonetaryAmount} only for what it answers; Moneta's constructor
 * is costly and an answer repeats the same few values (zero shares, equal
 * shares), so each value is made once and each amount made here knows its öre.
 */
final class OreAmounts {

    private final Map<BigInteger, MonetaryAmount> byOre = new HashMap<>();
    private final Map<MonetaryAmount, BigInteger> oreByAmount = new IdentityHashMap<>();

    MonetaryAmount of(BigInteger ore) {
        MonetaryAmount amount = byOre.get(ore);
        if (amount == null) {
            amount = Sek.ofOre(ore);
            byOre.put(ore, amount);
            oreByAmount.put(amount, ore);
        }
        return amount;
    }

    /** The öre of an amount, known without Moneta's conversions when it was made here. */
    BigInteger oreOf(MonetaryAmount amount) {
        BigInteger ore = oreByAmount.get(amount);
        return ore != null ? ore : Sek.decimal(amount).movePointRight(2).toBigIntegerExact();
    }
}
