package se.familycentre.process

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.TimeUnit

/**
 * The packaged service as a child process: {@code java -jar target/family-centre-costs-*.jar} on a database
 * of its own (an H2 file in a data directory, or PostgreSQL), on a free port. {@link #kill()} is a kill -9
 * (SIGKILL): the service gets no chance to flush, close or finish anything.
 *
 * The child's output goes to a log file under {@code target/process-specs/}, appended across restarts; a
 * failure to start fails with the log's tail.
 */
class ServiceProcess {

    /** The jar {@code package} builds; failsafe passes its path, an IDE run falls back to the default name. */
    static final File JAR = new File(System.getProperty('fc.process.jar', 'target/family-centre-costs-0.1.0-SNAPSHOT.jar'))
            .absoluteFile
    static final File PROJECT = new File('.').canonicalFile
    static final File WORK = new File(PROJECT, 'target/process-specs')
    /** Hang guard for a start: far above a normal start (seconds), for a loaded two-core machine. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(180)

    private static final Set<ServiceProcess> RUNNING = Collections.synchronizedSet(new LinkedHashSet<ServiceProcess>())
    static {
        // a test JVM that ends without cleanup (a failsafe timeout's SIGTERM) still takes its children along
        Runtime.runtime.addShutdownHook(new Thread({ new ArrayList<>(RUNNING).each { it.kill() } }))
    }

    final String name
    final Database database
    final File log
    private Process process
    private int port
    private int starts

    ServiceProcess(String name, Database database) {
        this.name = name
        this.database = database
        WORK.mkdirs()
        this.log = new File(WORK, "${name}.log")
        log.delete()
    }

    URI getBase() {
        URI.create("http://localhost:$port")
    }

    boolean isAlive() {
        process?.alive
    }

    long getPid() {
        process.pid()
    }

    static final String ADMIN_PASSWORD = 'process-spec-admin'

    /** Starts the service (on a new free port each time) and waits until it answers. */
    ServiceProcess start() {
        assert !alive: "$name is running already"
        assert JAR.isFile(): "no packaged service at $JAR: run these specs with `./mvnw verify` (after package)"
        port = freePort()
        starts++
        log << "\n===== start ${starts} of $name on port $port (${new Date()}) =====\n"
        // C1 only and the serial collector: the service starts in about half the time on two cores
        // BCrypt at its cheapest: every request of the specs signs in with HTTP Basic
        List<String> command = [java(), '-Xmx512m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1',
                                "-Dfamilycentre.project-dir=$PROJECT".toString(),
                                '-Dfamilycentre.security.bcrypt-cost=4'] +
                database.systemProperties() + ['-jar', JAR.path]
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(PROJECT)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
        builder.environment().put('PORT', String.valueOf(port))
        builder.environment().put('FAMILYCENTRE_ADMIN_PASSWORD', ADMIN_PASSWORD)
        builder.environment().putAll(database.environment())
        process = builder.start()
        RUNNING << this
        awaitReady()
        this
    }

    /** kill -9, and wait until the process is gone. */
    void kill() {
        if (process != null && process.alive) {
            process.destroyForcibly()
            assert process.waitFor(60, TimeUnit.SECONDS): "$name (pid ${process.pid()}) did not die of SIGKILL"
            log << "\n===== killed (SIGKILL) ${new Date()} =====\n"
        }
        RUNNING.remove(this)
    }

    /** kill -9 and start again on the same database. */
    ServiceProcess restart() {
        kill()
        start()
    }

    /** The last lines of the child's log, for failure messages. */
    String tail(int lines = 60) {
        if (!log.exists()) {
            return "(no log at $log)"
        }
        List<String> all = log.readLines('UTF-8')
        "---- last ${Math.min(lines, all.size())} lines of $log ----\n" + all.takeRight(lines).join('\n')
    }

    private void awaitReady() {
        HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build()
        HttpRequest request = HttpRequest.newBuilder(base.resolve('/api/v1/centres?size=1'))
                .header('Authorization', ServiceApi.AUTHORIZATION)
                .timeout(Duration.ofSeconds(10)).GET().build()
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos()
        while (System.nanoTime() < deadline) {
            if (!process.alive) {
                throw new AssertionError("$name exited with ${process.exitValue()} while starting\n${tail()}")
            }
            try {
                if (probe.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return
                }
            } catch (IOException ignored) {
                // not listening yet
            }
            Thread.sleep(200)
        }
        kill()
        throw new AssertionError("hung: $name did not answer within ${START_TIMEOUT.seconds} s\n${tail()}")
    }

    /** The java of the test JVM, so the service runs on the same JDK. */
    static String java() {
        ProcessHandle.current().info().command()
                .orElse(new File(System.getProperty('java.home'), 'bin/java').path)
    }

    static int freePort() {
        new ServerSocket(0).withCloseable { it.localPort }
    }

    String toString() {
        "$name (${database.describe()})"
    }
}
