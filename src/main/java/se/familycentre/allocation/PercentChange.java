package se.familycentre.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A new percentage (FTE or on-cost) from a date. */
public record PercentChange(LocalDate from, BigDecimal percent) {
}
