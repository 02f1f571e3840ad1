package se.familycentre.process

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.Future
import java.util.concurrent.TimeUnit
import spock.lang.Shared
import spock.lang.Specification

import static se.familycentre.process.ServiceApi.*

/**
 * What the process specs share: services started as child processes (killed in cleanupSpec whatever
 * happens), the database they run on (H2 files, or PostgreSQL in the Postgres subclasses), and the checks
 * of the promise "what the service answered survives a kill -9; what is issued is issued once".
 *
 * Each check collects every problem it finds and asserts the list is empty, so a failure names all the
 * centres, creditors or statements that are wrong at once.
 */
abstract class ProcessSpecification extends Specification {

    /** Per-moment figures the specs print go here too, for the record of a run. */
    static final File SUMMARY = new File(ServiceProcess.WORK, 'summary.txt')

    @Shared
    private List<ServiceProcess> started = []

    /** The kind of database this spec's services run on. */
    abstract Database database(String name)

    /** A service on an empty database of its own kind (H2 files, or the PostgreSQL schema reset), started. */
    ServiceProcess freshService(String name) {
        Database db = database(name)
        db.reset()
        service(name, db)
    }

    /** A service on the given database, started. */
    ServiceProcess service(String name, Database db) {
        ServiceProcess p = new ServiceProcess(name, db)
        synchronized (started) {
            started << p
        }
        p.start()
    }

    void killAll() {
        synchronized (started) {
            started.each { it.kill() }
        }
    }

    def cleanupSpec() {
        killAll()
    }

    // ---- the checks -----------------------------------------------------------------------------------------

    /**
     * Every centre has statements for the period, and no centre has two standing sets: no creditor and debtor
     * pair of a centre has two standing invoices.
     */
    static List<String> issuedOnceProblems(List<Map> ofPeriod, Collection<Long> centres) {
        List<String> problems = []
        Map<Long, List<Map>> byCentre = ofPeriod.groupBy { it.centreId as long }
        centres.each { long c ->
            if (!byCentre[c]) {
                problems << "centre $c has no statement".toString()
            }
        }
        byCentre.each { long c, List<Map> list ->
            list.findAll { it.kind == 'INVOICE' && it.status == 'ISSUED' }
                    .groupBy { "${creditor(it)} to ${debtor(it)}" }
                    .findAll { pair, same -> same.size() > 1 }
                    .each { pair, same -> problems << "centre $c: ${same.size()} standing invoices from $pair: ${same*.number}".toString() }
        }
        problems
    }

    /** Each creditor's numbers of this year are 1..n: no gap, no number twice. */
    static List<String> seriesProblems(List<Map> all) {
        List<String> problems = []
        String prefix = "${year()}-"
        all.findAll { !(it.number as String).startsWith(prefix) }.each {
            problems << "statement ${it.id} is numbered ${it.number}, not in the series of ${year()}".toString()
        }
        all.findAll { (it.number as String).startsWith(prefix) }.groupBy { creditor(it) }.each { creditor, List<Map> list ->
            List<Integer> seq = list.collect { sequence(it.number) }.sort()
            if (seq != (1..list.size()).toList()) {
                List<Integer> twice = seq.countBy { it }.findAll { n, c -> c > 1 }.keySet().toList()
                List<Integer> missing = (1..(seq.max())).toList() - seq
                problems << "creditor $creditor: ${list.size()} numbers, duplicated $twice, missing $missing".toString()
            }
        }
        problems
    }

    /** Each statement's PDF, downloaded: its bytes hash to the SHA-256 the service states for it. */
    static List<String> pdfProblems(ServiceApi api, List<Map> statements) {
        List<String> problems = []
        statements.each { s ->
            String stated = statedSha256(s)
            if (stated == null) {
                problems << "statement ${s.id} (${s.number}) states no sha256".toString()
            } else {
                String actual = sha256(api.pdf(s.id as long))
                if (actual != stated) {
                    problems << "statement ${s.id} (${s.number}): PDF bytes hash to $actual, stated $stated".toString()
                }
            }
        }
        problems
    }

    // ---- the quarterly run's job ---------------------------------------------------------------------------

    /** Hang guard for a run to finish: a run over a hundred centres takes seconds to a minute. */
    static final int RUN_HANG_SECONDS = 240

    /** The job once it is no longer RUNNING (it must then be FINISHED); the bound is a hang guard. */
    static Map finished(ServiceApi api, String location) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_HANG_SECONDS)
        Map job = api.job(location)
        while (job.status == 'RUNNING') {
            assert System.nanoTime() < deadline: "hung: job $location still RUNNING after $RUN_HANG_SECONDS s: done ${job.done} of ${job.total}\n${api.service.tail(30)}"
            Thread.sleep(200)
            job = api.job(location)
        }
        job
    }

    /** The job's counts agree with its items: done = issued + skipped + failed, FINISHED only with nothing PENDING. */
    static List<String> countProblems(Map job) {
        List<String> problems = []
        Map<String, Integer> by = (job.centres as List<Map>).countBy { it.status as String }
        int pending = by.PENDING ?: 0
        int failed = (job.failures as List).size()
        if ((job.total as int) != (job.centres as List).size()) problems << "total ${job.total} but ${(job.centres as List).size()} centres"
        if ((job.done as int) != (job.issued as int) + (job.skipped as int) + failed) problems << "done ${job.done} != issued ${job.issued} + skipped ${job.skipped} + failed $failed"
        if ((job.issued as int) != (by.DONE ?: 0)) problems << "issued ${job.issued} but ${by.DONE ?: 0} centres DONE"
        if ((job.skipped as int) != (by.SKIPPED ?: 0)) problems << "skipped ${job.skipped} but ${by.SKIPPED ?: 0} centres SKIPPED"
        if (failed != (by.FAILED ?: 0)) problems << "${failed} failures but ${by.FAILED ?: 0} centres FAILED"
        if ((job.total as int) - (job.done as int) != pending) problems << "total ${job.total} - done ${job.done} but $pending centres PENDING"
        if (job.status == 'FINISHED' && pending > 0) problems << "FINISHED with $pending centres PENDING"
        problems.collect { it.toString() }
    }

    // ---- running things at once ----------------------------------------------------------------------------

    /**
     * Runs every task at once, each on its own thread, released together by a latch so none has a head
     * start; each result, or what it threw. The bound is a hang guard.
     */
    static List<Object> atOnce(List<Closure<?>> tasks, int hangSeconds = 300) {
        def pool = Executors.newFixedThreadPool(tasks.size())
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size())
            CountDownLatch go = new CountDownLatch(1)
            List<Future<Object>> futures = tasks.collect { task ->
                pool.submit({
                    ready.countDown()
                    go.await()
                    try {
                        task.call()
                    } catch (Throwable t) {
                        t
                    }
                } as Callable<Object>)
            }
            assert ready.await(hangSeconds, TimeUnit.SECONDS): "hung: the ${tasks.size()} threads did not start"
            go.countDown()
            futures.withIndex().collect { f, i ->
                try {
                    f.get(hangSeconds, TimeUnit.SECONDS)
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("hung: task ${i + 1} of ${tasks.size()} did not finish in $hangSeconds s", e)
                }
            }
        } finally {
            pool.shutdownNow()
        }
    }

    /** Prints a line of figures and keeps it in target/process-specs/summary.txt. */
    static void record(String line) {
        println "[process] $line"
        SUMMARY.parentFile.mkdirs()
        SUMMARY << "${java.time.LocalDateTime.now().withNano(0)} $line\n"
    }
}
