package se.familycentre.process

import spock.lang.IgnoreIf

/** {@link IssueProcessFeatures} on PostgreSQL (FC_TEST_POSTGRES_URL, as .ci/run sets it); skipped without it. */
@IgnoreIf({ !Database.postgresAvailable() })
class IssuePostgresProcessSpec extends IssueProcessFeatures {

    Database database(String name) {
        Database.postgres(name)
    }
}
