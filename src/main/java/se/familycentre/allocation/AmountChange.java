package se.familycentre.allocation;

import java.time.LocalDate;
import javax.money.MonetaryAmount;

/** A new amount of a line (or a new monthly salary) from a date. */
public record AmountChange(LocalDate from, MonetaryAmount amount) {
}
