package se.familycentre.allocation;

/**
 * One reason the rules refuse an input. {@code field} is a path in the
 * centre's own terms ({@code costLines[2].payer}), which the JSON format
 * mirrors one to one.
 */
public record Violation(String field, String reason) {
}
