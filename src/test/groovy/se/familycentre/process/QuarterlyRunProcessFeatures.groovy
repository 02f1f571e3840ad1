package se.familycentre.process

import java.util.concurrent.TimeUnit
import spock.lang.Shared
import spock.lang.Timeout

import static se.familycentre.process.ServiceApi.*

/**
 * The quarterly run (POST /api/v1/statements/issue) over more than a hundred centres in a real process:
 * killed with kill -9 at three moments of a run, it resumes by itself on the next start and issues every
 * centre exactly once; sixteen posts of the run at once make one job. Each feature takes a period of its
 * own, on one database, so the number series run on across them.
 */
abstract class QuarterlyRunProcessFeatures extends ProcessSpecification {

    static final int COPIES = 100
    static final int MUNICIPALITIES = 10
    static final int POSTS = 16

    @Shared
    ServiceProcess service
    @Shared
    ServiceApi api
    @Shared
    List<Long> centres

    /** The fixtures and a hundred copies whose municipalities are ten new creditors (the region is the fixtures'). */
    def setupSpec() {
        service = freshService(getClass().simpleName)
        api = new ServiceApi(service)
        CentreCopies copies = new CentreCopies(api)
        copies.importCopies(COPIES, copies.newMunicipalities(MUNICIPALITIES))
        centres = api.centres()*.id.collect { it as long }
        assert centres.size() >= COPIES
    }

    def setup() {
        if (!service.alive) {
            service.start()
        }
    }

    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    def "a kill -9 when the run is #percent % done: on restart the job resumes by itself and every centre is issued exactly once"() {
        when: 'the run is posted, and the service is killed the moment the job says it is past the mark'
        ServiceApi.Answer posted = api.runQuarter(period)
        String location = posted.header('Location')
        Watch watch = watch(location, Math.ceil(centres.size() * percent / 100) as int)
        service.restart()
        Map job = finished(api, location)
        Map<Long, Map> itemsAfter = (job.centres as List<Map>).collectEntries { [(it.centreId as long): it] }
        List<Map> ofPeriod = api.statements("period=$period")
        List<String> pdfs = pdfProblems(api, ofPeriod)
        List<Map> answeredDone = watch.last.centres.findAll { it.status != 'PENDING' } as List<Map>
        record("${getClass().simpleName} run killed at ${percent} %: period $period, killed at done ${watch.last.done}/${watch.last.total} " +
                "(status ${watch.last.status}, ${watch.views} job views polled); answered done before the kill ${answeredDone.size()} centres; " +
                "after restart job ${job.status} done ${job.done} issued ${job.issued} skipped ${job.skipped} failures ${job.failures?.size()}; " +
                "statements present ${ofPeriod.size()} over ${ofPeriod*.centreId.unique().size()} centres; PDFs verified ${ofPeriod.size() - pdfs.size()}/${ofPeriod.size()}")

        then: 'the run was posted as a new job'
        posted.status == 202
        location ==~ /\/api\/v1\/jobs\/\d+/

        and: 'the kill came mid-run'
        watch.last.status == 'RUNNING'
        watch.last.done >= watch.mark
        watch.last.done < watch.last.total

        and: 'every view of the job before the kill told true counts'
        watch.countProblems == []

        and: 'the job resumed by itself and finished every centre, without failures'
        job.status == 'FINISHED'
        countProblems(job) == []
        job.total == centres.size()
        (job.centres*.centreId.collect { it as long } as Set) == (centres as Set)
        job.failures == []
        job.issued + job.skipped == job.total

        and: 'what the job had answered as done before the kill is done still, as it said'
        answeredDone.findAll { itemsAfter[it.centreId as long]?.status != it.status || itemsAfter[it.centreId as long]?.detail != it.detail }
                .collect { "centre ${it.centreId}: answered ${it.status} '${it.detail}', now ${itemsAfter[it.centreId as long]}" } == []

        and: 'each centre is issued exactly once: one standing set per centre, none with two'
        issuedOnceProblems(ofPeriod, centres) == []

        and: 'one gap-free series per creditor, over everything issued'
        seriesProblems(api.statements()) == []

        and: 'every statement of the period has a PDF whose bytes hash to its stated SHA-256'
        pdfs == []

        where:
        percent | period
        10      | '2026-Q1'
        50      | '2026-Q2'
        90      | '2026-Q3'
    }

    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    def "16 posts of the run for one period at once: no 5xx, every answer names the same job, every centre issued exactly once"() {
        given:
        String period = '2026-Q4'

        when: 'sixteen clients post the run at once'
        List<Object> answers = atOnce((1..POSTS).collect { { -> api.runQuarter(period) } })

        then: 'no request failed'
        answers.findAll { it instanceof Throwable }.collect { "$it" } == []
        answers.findAll { it.status >= 500 }.collect { "$it" } == []

        when:
        List<ServiceApi.Answer> ok = answers as List<ServiceApi.Answer>
        List<String> locations = ok*.header('Location').unique()
        Map job = finished(api, locations.first())
        List<Map> ofPeriod = api.statements("period=$period")
        record("${getClass().simpleName} $POSTS posts at once: statuses ${ok*.status.countBy { it }}, locations $locations; " +
                "job ${job.status} done ${job.done} issued ${job.issued} skipped ${job.skipped}; statements ${ofPeriod.size()}")

        then: 'every answer names one and the same job: one 202 that created it, 200 with it for the rest'
        locations.size() == 1
        locations.first() ==~ /\/api\/v1\/jobs\/\d+/
        ok*.json*.id.unique().size() == 1
        ok.count { it.status == 202 } == 1
        ok.count { it.status == 200 } == POSTS - 1

        and: 'the job finished every centre'
        countProblems(job) == []
        job.total == centres.size()
        job.failures == []
        job.issued == centres.size()

        and: 'each centre is issued exactly once, and each series runs on without a gap'
        issuedOnceProblems(ofPeriod, centres) == []
        seriesProblems(api.statements()) == []
    }

    // ---- watching a job ------------------------------------------------------------------------------------

    /** What was seen of a job until the kill: the last view, and what was wrong in any view. */
    static class Watch {
        int mark
        int views
        Map last
        List<String> countProblems = []
    }

    /**
     * Polls the job as fast as is decent until {@code done} reaches the mark (or the job is no longer
     * RUNNING), checking the counts of every view on the way.
     */
    Watch watch(String location, int mark) {
        Watch w = new Watch(mark: mark)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_HANG_SECONDS)
        while (true) {
            w.last = api.job(location)
            w.views++
            countProblems(w.last).each { w.countProblems << "view ${w.views} (done ${w.last.done}): $it".toString() }
            if (w.last.status != 'RUNNING' || (w.last.done as int) >= mark) {
                return w
            }
            assert System.nanoTime() < deadline: "hung: job $location still at done ${w.last.done} of ${w.last.total} after $RUN_HANG_SECONDS s"
            Thread.sleep(10)
        }
    }
}
