package se.familycentre.allocation;

import javax.money.MonetaryAmount;

/**
 * Recharge of dedicated rooms (usufruct, annex 2; RULES §3): the lease holder
 * pays the rent and every other service with dedicated rooms bears
 * {@code rentPerSquareMetreYear} × its dedicated m² while it takes part.
 */
public record DedicatedRent(String leaseHolder, MonetaryAmount rentPerSquareMetreYear) {
}
