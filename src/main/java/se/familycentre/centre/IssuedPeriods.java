package se.familycentre.centre;

import java.util.List;
import se.familycentre.allocation.Period;

/**
 * The periods of a centre whose statements are issued and not credited, with
 * the statements' numbers. Statements come with invoicing; until then no
 * period is issued. This is the one place the registry asks.
 */
public interface IssuedPeriods {

    record IssuedPeriod(Period period, List<String> statementNumbers) {
    }

    List<IssuedPeriod> issuedFor(long centreId);
}
