package se.familycentre.centre;

import java.util.List;
import se.familycentre.allocation.Period;

/**
 * The periods of a centre whose statements are issued and not credited, with
 * the statements' numbers: what the history guard protects. Invoicing answers
 * it; the registry asks only this, so it never depends on invoicing.
 */
public interface IssuedPeriods {

    record IssuedPeriod(Period period, List<String> statementNumbers) {
    }

    List<IssuedPeriod> issuedFor(long centreId);
}
