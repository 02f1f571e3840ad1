package se.familycentre.allocation;

import java.math.BigInteger;
import javax.money.MonetaryAmount;

/**
 * A row of sums in whole öre. Every slot is a {@code long} while it fits and
 * a {@link BigInteger} from the first addition that would overflow, so sums
 * stay exact at any size while the ordinary ones cost no object at all.
 */
final class OreSums {

    private final long[] small;
    /** Slot {@code i} has left the longs once {@code big[i] != null}; {@code null} while none has. */
    private BigInteger[] big;

    OreSums(int size) {
        small = new long[size];
    }

    void add(int slot, long ore) {
        if (big != null && big[slot] != null) {
            big[slot] = big[slot].add(BigInteger.valueOf(ore));
            return;
        }
        long s = small[slot];
        long r = s + ore;
        if (((s ^ r) & (ore ^ r)) < 0) {
            toBig(slot, BigInteger.valueOf(s).add(BigInteger.valueOf(ore)));
        } else {
            small[slot] = r;
        }
    }

    void add(int slot, BigInteger ore) {
        if (ore.bitLength() < Long.SIZE) {
            add(slot, ore.longValue());
        } else {
            toBig(slot, get(slot).add(ore));
        }
    }

    /** Adds slot {@code from} of {@code other} to slot {@code slot} of this row. */
    void add(int slot, OreSums other, int from) {
        if (other.big != null && other.big[from] != null) {
            add(slot, other.big[from]);
        } else {
            add(slot, other.small[from]);
        }
    }

    int signum(int slot) {
        return big != null && big[slot] != null ? big[slot].signum() : Long.signum(small[slot]);
    }

    BigInteger get(int slot) {
        return big != null && big[slot] != null ? big[slot] : BigInteger.valueOf(small[slot]);
    }

    MonetaryAmount amount(int slot, OreAmounts amounts) {
        return big != null && big[slot] != null ? amounts.of(big[slot]) : amounts.of(small[slot]);
    }

    private void toBig(int slot, BigInteger value) {
        if (value.bitLength() < Long.SIZE) {
            small[slot] = value.longValue();
            if (big != null) {
                big[slot] = null;
            }
            return;
        }
        if (big == null) {
            big = new BigInteger[small.length];
        }
        big[slot] = value;
    }
}
