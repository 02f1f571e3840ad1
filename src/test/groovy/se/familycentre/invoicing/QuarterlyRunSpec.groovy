package se.familycentre.invoicing

import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.ZoneOffset
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.Future
import java.util.concurrent.atomic.AtomicReference
import se.familycentre.centre.CentreRepository
import spock.lang.Specification
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions

import static se.familycentre.invoicing.StatementApi.*

/**
 * The quarterly run (POST /api/v1/statements/issue): a job in the database with
 * an item per centre, worked through in the background; a centre already
 * issued is skipped, and a job left RUNNING (a crash) is resumed without
 * issuing twice.
 *
 * The features share one database and run in order: the first sees only the
 * fixture centres.
 */
@Stepwise
@MicronautTest(transactional = false)
class QuarterlyRunSpec extends Specification {

    static final List<File> FIXTURES = new File('fixtures').listFiles()
            .findAll { it.name.endsWith('.json') }.sort { it.name }

    @Inject
    @Client("/")
    HttpClient http

    @Inject
    JobRepository jobs

    @Inject
    JobItemRepository items

    @Inject
    QuarterlyRun run

    @Inject
    CentreRepository centreRows

    StatementApi getApi() {
        new StatementApi(http)
    }

    /**
     * The job once the run has left RUNNING, which must be FINISHED. The run works on a background thread
     * and tells its end only through the job's status, so the status is polled; the bound is a hang guard
     * that names the job, not a measure of speed.
     */
    Map finished(String location, int hangSeconds = 120) {
        AtomicReference<Map> job = new AtomicReference<>()
        PollingConditions conditions = new PollingConditions(timeout: hangSeconds, delay: 0.1)
        conditions.onTimeout { "hung: job still not finished after $hangSeconds s: ${job.get()}" }
        conditions.eventually {
            job.set(jobAt(location))
            assert job.get().status != 'RUNNING'
        }
        assert job.get().status == 'FINISHED'
        job.get()
    }

    Map jobAt(String location) {
        def answer = api.get(location)
        assert answer.status == 200: "job: $answer"
        answer.json as Map
    }

    /** Each creditor's numbers of this year, in order: they must be 1..n. */
    boolean seriesGapFree(List<Map> statements) {
        statements.groupBy { it.content.creditor.organisationNumber }.every { creditor, List<Map> list ->
            List<Integer> seq = list.collect { sequence(it.number as String) }.sort()
            assert seq == (1..list.size()).toList(): "$creditor: $seq"
            true
        }
    }

    def "the run over every fixture issues each centre; posting it again skips every centre and issues nothing"() {
        given: 'every fixture, imported'
        assert FIXTURES.size() >= 4
        Map<String, Long> centres = FIXTURES.collectEntries { [(it.name): api.importCentre(it.getText('UTF-8'))] }
        Map<Long, List<Map>> drafts = centres.values().collectEntries { [(it): api.drafts(it, Q1).statements] }
        assert api.list('').isEmpty()

        when:
        def posted = api.post("/api/v1/statements/issue?period=$Q1")

        then:
        posted.status == 202
        posted.header('Location') ==~ /\/api\/v1\/jobs\/\d+/
        posted.header('Location') == "/api/v1/jobs/${posted.json.id}"
        posted.json.period == Q1

        when:
        Map job = finished(posted.header('Location'))

        then:
        job.total == centres.size()
        job.done == job.total
        job.failures == []
        job.issued == centres.size()
        job.skipped == 0
        job.centres*.centreId as Set == centres.values() as Set
        job.centres.every { it.status == 'DONE' && it.detail.startsWith('issued: ') }

        and: 'each centre has its statements: one per creditor and debtor of the draft, issued and with a PDF'
        centres.every { name, long c ->
            List<Map> issued = api.list("centre=$c&period=$Q1")
            assert issued.size() == drafts[c].size(): name
            assert issued.every { it.status == 'ISSUED' && it.pdfSha256 }
            drafts[c].every { d ->
                between(issued, d.content.creditor.organisationNumber as String, d.content.debtor.organisationNumber as String)
                        ?.content?.total == d.content.total
            }
        }

        and: 'the numbers of each creditor run without gaps'
        List<Map> all = api.list('')
        seriesGapFree(all)

        when: 'the run is posted again'
        def again = api.post("/api/v1/statements/issue?period=$Q1")
        Map second = finished(again.header('Location'))

        then: 'a new job, in which every centre is skipped'
        again.status == 202
        second.id != job.id
        second.total == centres.size()
        second.done == second.total
        second.skipped == second.total
        second.issued == 0
        second.failures == []
        second.centres.every { it.status == 'SKIPPED' && it.detail.contains('already issued') }

        and: 'nothing new is issued'
        api.list('')*.id == all*.id
    }

    def "a job left RUNNING is completed by run(jobId): a pending centre is issued, an issued one is skipped, finished items stay"() {
        given: 'three centres: one not issued, one issued since the job started, one the job had finished'
        long pending = api.importCentre(exampleA(orgNo(), orgNo()))
        long issuedMeanwhile = api.importCentre(exampleA(orgNo(), orgNo()))
        long finishedBefore = api.importCentre(exampleA(orgNo(), orgNo()))
        List<Map> earlier = api.issued(issuedMeanwhile)

        and: 'the job as a crash left it'
        JobRow job = jobs.save(new JobRow(null, QuarterlyRun.KIND, LocalDate.parse('2025-01-01'),
                LocalDate.parse('2025-03-31'), JobStatus.RUNNING, OffsetDateTime.now(ZoneOffset.UTC), null, null, null, null, null, null))
        items.save(new JobItemRow(null, job.id(), pending, JobItemStatus.PENDING, null, null))
        items.save(new JobItemRow(null, job.id(), issuedMeanwhile, JobItemStatus.PENDING, null, null))
        items.save(new JobItemRow(null, job.id(), finishedBefore, JobItemStatus.DONE, 'issued before the crash', null))

        when:
        run.run(job.id())

        then:
        items.findByJobIdOrderById(job.id())*.status*.name() == ['DONE', 'SKIPPED', 'DONE']
        items.findByJobIdOrderById(job.id())[1].detail().contains(earlier.first().number as String)
        with(jobs.findById(job.id()).orElseThrow()) {
            status() == JobStatus.FINISHED
            finishedAt() != null
        }

        and: 'the pending centre is issued, with its PDFs; nothing is duplicated; the finished item is left alone'
        api.list("centre=$pending").size() == 2
        api.list("centre=$pending").every { it.status == 'ISSUED' && it.pdfSha256 }
        api.list("centre=$issuedMeanwhile")*.id == earlier*.id
        api.list("centre=$finishedBefore").isEmpty()

        and: 'the job over HTTP'
        with(api.get("/api/v1/jobs/${job.id()}").json) {
            status == 'FINISHED'
            total == 3
            done == 3
            issued == 2
            skipped == 1
            failures == []
        }

        when: 'running the finished job again'
        run.run(job.id())

        then: 'changes nothing'
        items.findByJobIdOrderById(job.id())*.status*.name() == ['DONE', 'SKIPPED', 'DONE']
        api.list("centre=$pending").size() == 2
    }

    def "posting the run while a job of the period is RUNNING answers that job (200) and, its instance gone, works it"() {
        given: 'a running job that no instance has been heard from (as a crash leaves it)'
        long pending = api.importCentre(exampleA(orgNo(), orgNo()))
        LocalDate from = LocalDate.parse('2025-01-01'), to = LocalDate.parse('2025-03-31')
        JobRow job = jobs.save(new JobRow(null, QuarterlyRun.KIND, from, to, JobStatus.RUNNING,
                OffsetDateTime.now(ZoneOffset.UTC), null, JobRow.runningKey(QuarterlyRun.KIND, from, to), null, null, null, null))
        items.save(new JobItemRow(null, job.id(), pending, JobItemStatus.PENDING, null, null))

        when:
        def posted = api.post("/api/v1/statements/issue?period=$Q1")
        Map resumed = finished(posted.header('Location'))

        then:
        posted.status == 200
        posted.header('Location') == "/api/v1/jobs/${job.id()}"
        resumed.total == 1
        resumed.issued == 1
        resumed.failures == []
        api.list("centre=$pending").size() == 2
    }

    def "a centre that cannot be issued is reported as a failure with the reason, and the others are issued"() {
        given: 'a centre whose services are not in the period at all'
        String doc = exampleA(orgNo(), orgNo())
        long empty = api.importCentre(doc.replace('"entity": "', '"from": "2026-01-01", "entity": "')
                .replace('"period": "2025-Q1"', '"period": "2026-Q1"'))
        long fine = api.importCentre(exampleA(orgNo(), orgNo()))
        JobRow job = jobs.save(new JobRow(null, QuarterlyRun.KIND, LocalDate.parse('2025-01-01'),
                LocalDate.parse('2025-03-31'), JobStatus.RUNNING, OffsetDateTime.now(ZoneOffset.UTC), null, null, null, null, null, null))
        items.save(new JobItemRow(null, job.id(), empty, JobItemStatus.PENDING, null, null))
        items.save(new JobItemRow(null, job.id(), fine, JobItemStatus.PENDING, null, null))

        when:
        run.run(job.id())
        Map view = api.get("/api/v1/jobs/${job.id()}").json as Map

        then:
        view.status == 'FINISHED'
        view.done == 2
        view.issued == 1
        view.failures*.centreId == [empty]
        view.failures.first().reason
        api.list("centre=$empty").isEmpty()
        api.list("centre=$fine").size() == 2
    }

    def "16 posts of the run for one period at once: one job (one 202, the others 200 with it), every centre issued once"() {
        given: 'a period nobody has issued yet, and the centres as they stand'
        String period = '2025-Q2'
        long centres = centreRows.count()
        CountDownLatch go = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(16)

        when:
        List<Future<StatementApi.Answer>> posts = (1..16).collect {
            pool.submit({ go.await(); api.post("/api/v1/statements/issue?period=$period") } as Callable)
        }
        go.countDown()
        List<StatementApi.Answer> answers = posts*.get()
        pool.shutdown()
        Map job = finished(answers.first().header('Location'))

        then: 'one job, created once; every answer names it'
        answers.every { it.status in [200, 202] }
        answers.count { it.status == 202 } == 1
        answers*.header('Location').toSet().size() == 1
        jobs.findAll().count { it.periodFrom() == LocalDate.parse('2025-04-01') } == 1

        and: 'the job lists every centre once, and its counts add up'
        job.total == centres
        job.done == job.total
        job.issued + job.skipped + job.failures.size() == job.total

        and: 'each centre issued once: no centre has two standing statements between the same entities'
        List<Map> issued = api.list("period=$period")
        issued.groupBy { [it.centreId, it.content.creditor.organisationNumber, it.content.debtor.organisationNumber] }
                .every { k, v -> v.size() == 1 }
        issued*.centreId.toSet().size() == job.issued
    }
}
