package se.familycentre.process

import spock.lang.IgnoreIf

/** {@link QuarterlyRunProcessFeatures} on PostgreSQL (FC_TEST_POSTGRES_URL, as .ci/run sets it); skipped without it. */
@IgnoreIf({ !Database.postgresAvailable() })
class QuarterlyRunPostgresProcessSpec extends QuarterlyRunProcessFeatures {

    Database database(String name) {
        Database.postgres(name)
    }
}
