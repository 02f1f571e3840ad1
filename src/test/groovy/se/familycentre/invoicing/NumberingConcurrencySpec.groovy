package se.familycentre.invoicing

import io.micronaut.context.annotation.Value
import io.micronaut.data.jdbc.runtime.JdbcOperations
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.LocalDate
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.Future
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import se.familycentre.allocation.Period
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import static se.familycentre.invoicing.StatementApi.*

/**
 * RULES §5: numbers run without gaps in one series per creditor entity and
 * calendar year, also when several requests issue at once. Every feature uses
 * entities of its own, so each series starts at 1.
 *
 * Over HTTP the server runs requests on a few event-loop threads, so some
 * features call {@link Invoicing#issue} directly from many threads, and two
 * hold a series row or every pooled connection on purpose: issuers must take
 * numbers in one fixed order (no deadlock between centres listing their
 * entities differently) and must not need a second connection per number.
 *
 * Nothing here measures time or sleeps to order threads: issuers are released
 * together by a latch, and a step that must come after another thread is
 * blocked in the database waits until the database reports that lock wait.
 * The only time limits are hang guards, far above any normal run, that fail
 * with a message naming what did not finish.
 */
@MicronautTest(transactional = false)
// the row locks themselves are under test, as several PostgreSQL instances meet them: the embedded
// database's one-thread-at-a-time guard (which keeps crash recovery whole) would keep them from meeting
@io.micronaut.context.annotation.Property(name = 'familycentre.h2.one-session-at-a-time', value = 'false')
class NumberingConcurrencySpec extends Specification {

    static final int THREADS = 8
    /** Hang guard: how long any one wait may take before the feature fails as hung (deadlock, starved pool). */
    static final int HANG_SECONDS = 120

    @Inject
    @Client("/")
    HttpClient http

    @Inject
    Invoicing invoicing

    @Inject
    NumberSeries numberSeries

    @Inject
    TransactionOperations<Connection> transactions

    @Inject
    JdbcOperations jdbc

    @Value('${datasources.default.maximum-pool-size:10}')
    int poolSize

    StatementApi getApi() {
        new StatementApi(http)
    }

    /** Runs every task at once (released together by a latch), each on its own thread; their answers. */
    static List<StatementApi.Answer> atOnce(List<Closure<StatementApi.Answer>> tasks) {
        List<Object> outcomes = atOnceDirect(tasks)
        assert outcomes.findAll { it instanceof Throwable }.collect { "$it" } == []
        outcomes as List<StatementApi.Answer>
    }

    /**
     * Runs every task at once, each on its own thread: all wait at a latch until every thread is ready, so
     * none has a head start. Each result, or what it threw.
     */
    static List<Object> atOnceDirect(List<Closure<?>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size())
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size())
            CountDownLatch go = new CountDownLatch(1)
            List<Future<Object>> futures = tasks.collect { task ->
                pool.submit({
                    ready.countDown()
                    go.await()
                    attempt(task)
                } as Callable<Object>)
            }
            awaitOrFail(ready, "all ${tasks.size()} threads to start")
            go.countDown()
            futures.withIndex().collect { Future<Object> f, int i -> resultOf(f, "task ${i + 1} of ${tasks.size()}") }
        } finally {
            pool.shutdownNow()
        }
    }

    static Object attempt(Closure<?> work) {
        try {
            work.call()
        } catch (Throwable t) {
            t
        }
    }

    /** Hang guard for a latch. */
    static void awaitOrFail(CountDownLatch latch, String what) {
        assert latch.await(HANG_SECONDS, TimeUnit.SECONDS): "hung: waited $HANG_SECONDS s for $what"
    }

    /** Hang guard for a task's result: a deadlock or a starved pool fails here instead of stalling the build. */
    static Object resultOf(Future<?> future, String what) {
        try {
            future.get(HANG_SECONDS, TimeUnit.SECONDS)
        } catch (TimeoutException e) {
            throw new AssertionError("hung: $what did not finish within $HANG_SECONDS s (deadlock or starved pool?)", e)
        }
    }

    /**
     * Waits until the database reports that {@code n} sessions wait for a lock another holds. A thread blocked
     * inside the database cannot signal a latch, so this is how a feature knows an issuer is really waiting
     * before it takes its next step.
     */
    void awaitLockWaits(int n, String who) {
        PollingConditions conditions = new PollingConditions(timeout: HANG_SECONDS, delay: 0.02)
        conditions.onTimeout { "hung: $who never waited for a lock (${lockWaits()} sessions waiting, expected $n)" }
        conditions.eventually {
            assert lockWaits() == n
        }
    }

    /** How many sessions of the database wait for a row lock that another session holds. */
    int lockWaits() {
        transactions.executeRead { status ->
            jdbc.prepareStatement('SELECT 1') { ps ->
                String product = ps.connection.metaData.databaseProductName
                String sql = product == 'H2'
                        ? 'SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL'
                        : "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
                ps.connection.createStatement().withCloseable { st ->
                    st.executeQuery(sql).withCloseable { rs -> rs.next() ? rs.getInt(1) : 0 }
                }
            }
        } as int
    }

    /** The sequence numbers of this year's statements the entity issued as creditor, in order. */
    List<Integer> series(String creditor) {
        List<Map> mine = api.list("entity=$creditor").findAll { it.content.creditor.organisationNumber == creditor }
        assert mine.every { (it.number as String).startsWith("${year()}-") }
        mine.collect { sequence(it.number as String) }.sort()
    }

    def "8 issuers at once take the numbers 1..N of each creditor's series, without gaps or duplicates"() {
        given: 'eight centres of the same two entities'
        String region = orgNo()
        String municipality = orgNo()
        List<Long> centres = (1..THREADS).collect { api.importCentre(exampleA(region, municipality)) }

        when:
        List<StatementApi.Answer> answers = atOnce(centres.collect { long c -> { -> api.issue(c) } })

        then: 'all succeed'
        answers.every { it.status == 201 }
        answers.every { (it.json.statements as List).size() == 2 }

        and: 'each creditor numbered its statements 1..N'
        series(region) == (1..THREADS).toList()
        series(municipality) == (1..THREADS).toList()

        and: 'the numbers the answers gave are the stored ones'
        [region, municipality].every { creditor ->
            answers.collectMany { a -> a.json.statements.findAll { it.content.creditor.organisationNumber == creditor }*.number }
                    .collect { sequence(it as String) }.sort() == (1..THREADS).toList()
        }
        centres.every { c -> api.list("centre=$c").size() == 2 }
        answers.collectMany { a -> a.json.statements.collect { "${it.content.creditor.organisationNumber}/${it.number}" } }
                .toSet().size() == 2 * THREADS
    }

    def "more centres than threads, two rounds at once: the series stay 1..N"() {
        given:
        String region = orgNo()
        String municipality = orgNo()
        List<Long> centres = (1..(2 * THREADS)).collect { api.importCentre(exampleA(region, municipality)) }

        when:
        List<StatementApi.Answer> first = atOnce(centres.take(THREADS).collect { long c -> { -> api.issue(c) } })
        List<StatementApi.Answer> second = atOnce(centres.drop(THREADS).collect { long c -> { -> api.issue(c) } })

        then:
        (first + second).every { it.status == 201 }
        series(region) == (1..(2 * THREADS)).toList()
        series(municipality) == (1..(2 * THREADS)).toList()
    }

    def "centres listing the two entities in opposite orders, issued at once, all succeed with gap-free series"() {
        given: 'half the centres list the municipality first, so their statements come in the other order'
        String region = orgNo()
        String municipality = orgNo()
        List<Long> centres = (1..THREADS).collect { i ->
            api.importCentre(i % 2 == 0 ? exampleA(region, municipality) : exampleAMunicipalityFirst(region, municipality))
        }

        when:
        List<StatementApi.Answer> answers = atOnce(centres.collect { long c -> { -> api.issue(c) } })

        then:
        answers.every { it.status == 201 }
        series(region) == (1..THREADS).toList()
        series(municipality) == (1..THREADS).toList()
    }

    def "issuing directly on 8 threads, round after round, centres of opposite entity orders: no deadlock, no gap"() {
        given: 'the server runs requests on a few event-loop threads; here every issuer runs at once'
        String region = orgNo()
        String municipality = orgNo()
        int rounds = 4
        List<Long> centres = (1..(rounds * THREADS)).collect { i ->
            api.importCentre(i % 2 == 0 ? exampleA(region, municipality) : exampleAMunicipalityFirst(region, municipality))
        }
        Period q1 = new Period(LocalDate.parse('2025-01-01'), LocalDate.parse('2025-03-31'))

        when:
        List<Object> outcomes = centres.collate(THREADS).collectMany { List<Long> round ->
            atOnceDirect(round.collect { long c -> { -> invoicing.issue(c, q1) } })
        }

        then: 'every issue succeeded'
        outcomes.findAll { it instanceof Throwable } == []
        series(region) == (1..(rounds * THREADS)).toList()
        series(municipality) == (1..(rounds * THREADS)).toList()
    }

    def "more issuers at once than the pool has connections: all are issued, none starves waiting for a second connection"() {
        given: 'the series exist already, as they do after the first statement of a creditor and year'
        String region = orgNo()
        String municipality = orgNo()
        api.issued(api.importCentre(exampleA(region, municipality)))
        int issuers = poolSize + 2
        List<Long> centres = (1..issuers).collect { api.importCentre(exampleA(region, municipality)) }
        Period q1 = new Period(LocalDate.parse('2025-01-01'), LocalDate.parse('2025-03-31'))

        when: 'an issuer that held one connection and waited for a second would, with every connection held, get none'
        List<Object> outcomes = atOnceDirect(centres.collect { long c -> { -> invoicing.issue(c, q1) } })

        then: "no issuer gave up waiting for a connection (the pool's timeout would show here as an exception)"
        outcomes.findAll { it instanceof Throwable }.collect { "$it" } == []
        series(region) == (1..(issuers + 1)).toList()
        series(municipality) == (1..(issuers + 1)).toList()
    }

    def "as many transactions at once as the pool has connections each take a number of an existing series: no gap, no starving"() {
        given: 'the series exists (its first number is taken)'
        String creditor = orgNo()
        int y = year()
        assert transactions.executeWrite { numberSeries.next(creditor, y) } == String.format('%d-%04d', y, 1)
        CyclicBarrier everyConnectionTaken = new CyclicBarrier(poolSize)

        when: 'every connection of the pool is in a transaction before any of them asks for a number'
        List<Object> outcomes = atOnceDirect((1..poolSize).collect {
            { ->
                transactions.executeWrite { status ->
                    jdbc.prepareStatement('SELECT 1') { ps -> ps.executeQuery().withCloseable { rs -> rs.next() } }
                    everyConnectionTaken.await(HANG_SECONDS, TimeUnit.SECONDS)
                    numberSeries.next(creditor, y)
                }
            }
        })

        then: 'each got the next number, without asking the full pool for another connection'
        outcomes.findAll { it instanceof Throwable }.collect { "$it" } == []
        (outcomes as List<String>).sort() == (2..(poolSize + 1)).collect { String.format('%d-%04d', y, it) }
    }

    def "two centres listing the entities in opposite orders, issued while a series is busy, do not deadlock (round #round)"() {
        given: "both series exist; centre X takes the region's number first, centre Y the municipality's"
        String region = orgNo()
        String municipality = orgNo()
        api.issued(api.importCentre(exampleA(region, municipality)))
        long x = api.importCentre(exampleA(region, municipality))
        long y = api.importCentre(exampleAMunicipalityFirst(region, municipality))
        assert api.drafts(x).statements*.content*.creditor*.organisationNumber == [region, municipality]
        assert api.drafts(y).statements*.content*.creditor*.organisationNumber == [municipality, region]
        Period q1 = new Period(LocalDate.parse('2025-01-01'), LocalDate.parse('2025-03-31'))
        CountDownLatch held = new CountDownLatch(1)
        CountDownLatch release = new CountDownLatch(1)
        ExecutorService pool = Executors.newFixedThreadPool(3)

        when: "another transaction holds the region's series; X starts and waits, then Y starts and waits; then the series is released"
        Future<Object> holder = pool.submit({
            transactions.executeWrite { status ->
                jdbc.prepareStatement('SELECT last_number FROM statement_series WHERE creditor = ? FOR UPDATE') { ps ->
                    ps.setString(1, region)
                    ps.executeQuery().withCloseable { rs -> rs.next() }
                }
                held.countDown()
                awaitOrFail(release, 'the feature to release the region\'s series')
            }
        } as Callable<Object>)
        awaitOrFail(held, "the holder to lock the region's series")
        Future<Object> issueX = pool.submit({ attempt { invoicing.issue(x, q1) } } as Callable<Object>)
        awaitLockWaits(1, 'X')
        Future<Object> issueY = pool.submit({ attempt { invoicing.issue(y, q1) } } as Callable<Object>)
        awaitLockWaits(2, 'Y')
        boolean bothWaited = !issueX.done && !issueY.done
        release.countDown()
        resultOf(holder, 'the holder of the region\'s series')
        List<Object> outcomes = [resultOf(issueY, 'Y'), resultOf(issueX, 'X')]
        pool.shutdownNow()

        then: 'both are issued, numbered 2 and 3 in each series'
        bothWaited
        outcomes.findAll { it instanceof Throwable }.collect { "$it: ${it.cause}" } == []
        series(region) == [1, 2, 3]
        series(municipality) == [1, 2, 3]

        where:
        round << (1..3)
    }

    def "two issues of the same centre and period at once: one is issued (201), the other is refused (409)"() {
        given:
        String region = orgNo()
        String municipality = orgNo()
        long centre = api.importCentre(exampleA(region, municipality))

        when:
        List<StatementApi.Answer> answers = atOnce([{ -> api.issue(centre) }, { -> api.issue(centre) }])

        then:
        answers*.status.sort() == [201, 409]
        api.list("centre=$centre").size() == 2
        series(region) == [1]
        series(municipality) == [1]

        and: 'the refused request took no number: the next centre continues at 2'
        long next = api.importCentre(exampleA(region, municipality))
        api.issued(next)*.number.collect { sequence(it as String) } == [2, 2]
        series(region) == [1, 2]
        series(municipality) == [1, 2]
    }

    def "the same centre issued from 8 threads at once: exactly one succeeds"() {
        given:
        String region = orgNo()
        String municipality = orgNo()
        long centre = api.importCentre(exampleA(region, municipality))

        when:
        List<StatementApi.Answer> answers = atOnce((1..THREADS).collect { { -> api.issue(centre) } })

        then:
        answers.count { it.status == 201 } == 1
        answers.count { it.status == 409 } == THREADS - 1
        api.list("centre=$centre").size() == 2
        series(region) == [1]
        series(municipality) == [1]
    }

    def "two credits of the same statement at once: one credit statement (201), the other refused (409), no number lost"() {
        given:
        String region = orgNo()
        String municipality = orgNo()
        long centre = api.importCentre(exampleA(region, municipality))
        Map original = between(api.issued(centre), municipality, region)

        when:
        List<StatementApi.Answer> answers = atOnce([{ -> api.credit(original.id as long) }, { -> api.credit(original.id as long) }])

        then:
        answers*.status.sort() == [201, 409]
        api.list("centre=$centre&status=CREDIT").size() == 1
        series(municipality) == [1, 2]
        series(region) == [1]
    }
}
