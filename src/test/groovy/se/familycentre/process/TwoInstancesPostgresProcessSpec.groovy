package se.familycentre.process

import java.util.concurrent.TimeUnit
import spock.lang.IgnoreIf
import spock.lang.Timeout

import static se.familycentre.process.ServiceApi.*

/**
 * Two service processes on one PostgreSQL database, both asked for the quarterly run of the same period at
 * once: the database is what they share, so every centre is still issued once and every creditor has one
 * gap-free series. Skipped without FC_TEST_POSTGRES_URL.
 */
@IgnoreIf({ !Database.postgresAvailable() })
class TwoInstancesPostgresProcessSpec extends ProcessSpecification {

    static final String PERIOD = '2026-Q1'
    static final int POSTS_EACH = 8

    Database database(String name) {
        Database.postgres(name)
    }

    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    def "two services on one database run the quarterly run for one period at once: every centre issued once, one gap-free series per creditor"() {
        given: 'service A on an empty database loads the fixtures; a hundred copies over ten new municipalities; then service B on the same database'
        Database db = database('TwoInstancesPostgres')
        db.reset()
        ServiceApi a = new ServiceApi(service('TwoInstancesPostgres-A', db))
        CentreCopies copies = new CentreCopies(a)
        copies.importCopies(100, copies.newMunicipalities(10))
        ServiceApi b = new ServiceApi(service('TwoInstancesPostgres-B', db))
        List<Long> centres = a.centres()*.id.collect { it as long }
        assert b.centres().size() == centres.size()

        when: 'eight posts of the run to each service, all at once'
        List<Object> answers = atOnce((1..POSTS_EACH).collectMany { [{ -> a.runQuarter(PERIOD) }, { -> b.runQuarter(PERIOD) }] })

        then: 'no request failed'
        answers.findAll { it instanceof Throwable }.collect { "$it" } == []
        answers.findAll { it.status >= 500 }.collect { "$it" } == []
        answers.every { it.status in [200, 202] }

        when: 'every job named is followed (through A) until it is no longer RUNNING'
        List<String> locations = (answers as List<ServiceApi.Answer>)*.header('Location').unique()
        List<Map> jobs = locations.collect { finished(a, it) }
        List<Map> ofPeriod = a.statements("period=$PERIOD")
        List<String> pdfs = pdfProblems(a, ofPeriod)
        record("TwoInstancesPostgres: statuses ${answers*.status.countBy { it }}, jobs $locations " +
                "(${jobs.collect { "${it.status} issued ${it.issued} skipped ${it.skipped} failures ${it.failures?.size()}" }}); " +
                "statements ${ofPeriod.size()}; PDFs verified ${ofPeriod.size() - pdfs.size()}/${ofPeriod.size()}")

        then: 'each centre is issued exactly once, and each creditor has one gap-free series'
        issuedOnceProblems(ofPeriod, centres) == []
        seriesProblems(a.statements()) == []

        and: 'every job finished over every centre, with true counts and without failures'
        jobs.every { it.status == 'FINISHED' }
        jobs.every { (it.total as int) == centres.size() }
        jobs.collectMany { countProblems(it) } == []
        jobs.collectMany { it.failures as List } == []

        and: 'every statement has a PDF whose bytes hash to its stated SHA-256, whichever service stored it'
        pdfs == []
        ofPeriod.findAll { sha256(b.pdf(it.id as long)) != statedSha256(it) }*.number == []

        and: 'one run per period: both services named the same job'
        locations.size() == 1
    }
}
