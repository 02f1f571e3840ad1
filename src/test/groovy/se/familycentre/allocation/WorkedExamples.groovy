package se.familycentre.allocation

import se.familycentre.format.CentreReader

/**
 * The worked examples of RULES §6 as data: the request documents live in
 * src/test/resources/examples, the expected öre here, so the core spec and the
 * HTTP spec check the very same table.
 */
final class WorkedExamples {

    static String body(String example) {
        WorkedExamples.getResource("/examples/${example}.json").getText('UTF-8')
    }

    static CentreReader.AllocationRequest request(String example) {
        CentreReader.readRequest(body(example))
    }

    /** Every line's total and every share, as RULES §6 states them (example, line, total, shares in service order). */
    static final List<List> LINES = [
            // A. Full quarter: coordinator lines and premises by AREA 40:60:80:30
            ['example-a', 'coordinator/salary', '126000.00', ['31500.00', '31500.00', '31500.00', '31500.00']],
            ['example-a', 'coordinator/on-costs', '50400.00', ['12600.00', '12600.00', '12600.00', '12600.00']],
            ['example-a', 'coordinator/competence-development', '3000.00', ['750.00', '750.00', '750.00', '750.00']],
            ['example-a', 'coordinator/it', '1500.00', ['375.00', '375.00', '375.00', '375.00']],
            ['example-a', 'rent', '32400.00', ['6171.43', '9257.14', '12342.86', '4628.57']],
            ['example-a', 'cleaning', '12000.00', ['2285.71', '3428.57', '4571.43', '1714.29']],
            ['example-a', 'alarm', '2500.00', ['476.19', '714.29', '952.38', '357.14']],
            // B. SOC joins 2025-02-15, BMM not co-located, 75 % FTE with a revision on 2025-03-01
            ['example-b', 'coordinator/salary', '90900.00', ['26475.00', '26475.00', '26475.00', '11475.00']],
            ['example-b', 'rent', '25000.00', ['0.00', '10416.67', '10416.67', '4166.66']],
            // C. A tie: the extra öre goes to the first in the centre's order
            ['example-c', 'activity', '100000.00', ['33333.34', '33333.33', '33333.33']],
            // D. PERCENT 10/30/40/20 with SOC joining 2025-02-01
            ['example-d', 'joint', '12000.00', ['1300.00', '3900.00', '5200.00', '1600.00']],
    ]

    /** Example B's salary split at the revision: before (Jan–Feb) and after (March). */
    static final List<List> SALARY_B_BY_STRETCH = [
            ['2025-01-01', '2025-02-28', '18750.00', '3750.00'],
            ['2025-03-01', '2025-03-31', '7725.00', '7725.00'],
    ]

    /** Example A's flows between entities: creditor, debtor, amount, internal. */
    static final List<List> FLOWS_A = [
            ['212000-1561', '232100-0131', '111592.85', false],
            ['232100-0131', '212000-1561', '1309.52', false],
            ['212000-1561', '212000-1561', '51567.86', true],
            ['232100-0131', '232100-0131', '476.19', true],
    ]
}
