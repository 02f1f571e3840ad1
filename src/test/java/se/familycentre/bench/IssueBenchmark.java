package se.familycentre.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import se.familycentre.allocation.CentreValidator;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.CentreRepository;
import se.familycentre.centre.CentreRow;
import se.familycentre.centre.CentreImport;
import se.familycentre.invoicing.Invoicing;
import se.familycentre.invoicing.JobRepository;
import se.familycentre.invoicing.JobRow;
import se.familycentre.invoicing.JobStatus;
import se.familycentre.invoicing.PdfArchive;
import se.familycentre.invoicing.QuarterlyRun;
import se.familycentre.invoicing.StatementRow;
import se.familycentre.format.CentreReader;

/**
 * Issuing one quarter for many centres, with PDFs, on an embedded H2 file
 * database: not a JMH benchmark and not a test, one timed run.
 *
 * <p>Run from the project directory with
 * {@code ./mvnw -B -Pbench-issue test-compile exec:exec} (the profile runs
 * {@code java -Xmx1g} on the test classpath). It starts the application context
 * on a fresh H2 file database in a temporary directory (deleted at the end),
 * generates {@code bench.centres} centres (default 1 000) by importing variants
 * of {@code fixtures/*.json} through {@link CentreImport#importDocument} (names,
 * areas and amounts varied a little with a seeded {@link Random}; the legal
 * entities stay exactly the fixtures', so entity matching passes), then times
 * issuing 2025-Q1 for all of them with PDFs. Only the issuing is timed.
 *
 * <p>{@code bench.mode=job} (default) issues as production does: one
 * {@link QuarterlyRun#start} job, polled in the {@link JobRepository} until
 * FINISHED. {@code bench.mode=loop} calls {@link Invoicing#issue} and
 * {@link PdfArchive#storeAll} centre by centre on this thread instead.
 *
 * <p>Reported: wall time, statements issued (rows counted), statements per
 * second, average and largest PDF, and peak heap: {@link MemoryPoolMXBean#getPeakUsage()}
 * summed over the heap pools after {@link MemoryPoolMXBean#resetPeakUsage()}
 * just before issuing (the pools peak at different moments, so the sum is an
 * upper bound; the largest heap in use sampled during the run is printed too).
 * The table goes to stdout and to {@code target/issue-bench.txt}.
 *
 * <p>System properties: {@code bench.centres} (1000), {@code bench.seed} (20250101),
 * {@code bench.mode} (job|loop), {@code bench.fixtures} (fixtures),
 * {@code bench.out} (target/issue-bench.txt), {@code bench.keep-database} (false).
 */
public final class IssueBenchmark {

    static final String QUARTER = "2025-Q1";

    private IssueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.centres", 1000);
        long seed = Long.getLong("bench.seed", 20250101L);
        String mode = System.getProperty("bench.mode", "job");
        if (!mode.equals("job") && !mode.equals("loop")) {
            throw new IllegalArgumentException("bench.mode is job or loop, not " + mode);
        }
        Path fixtures = Path.of(System.getProperty("bench.fixtures", "fixtures"));
        Path out = Path.of(System.getProperty("bench.out", "target/issue-bench.txt"));
        boolean keep = Boolean.getBoolean("bench.keep-database");
        List<String> documents = fixtureTexts(fixtures);

        int rounds = Integer.getInteger("bench.rounds", 2);
        StringBuilder table = new StringBuilder();
        for (int round = 1; round <= rounds; round++) {
            Map<String, String> rows = new LinkedHashMap<>();
            rows.put("round", round + " of " + rounds + (round == 1
                    ? ": the first run in a fresh JVM (the JIT compiles while it issues)"
                    : ": the same JVM, a fresh database (compiled code from the rounds before)"));
            round(rows, mode, count, seed, documents, keep);
            table.append(table(rows));
            System.out.print(table(rows));
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, table.toString(), StandardCharsets.UTF_8);
        System.out.println("# written to " + out.toAbsolutePath());
        System.exit(0);
    }

    /** One round: a fresh database in a temporary directory, centres generated, one quarter issued and timed. */
    static void round(Map<String, String> rows, String mode, int count, long seed, List<String> documents,
                      boolean keep) throws Exception {
    Path dir = Files.createTempDirectory("issue-bench");
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long startContext = System.nanoTime();
    try (ApplicationContext ctx = ApplicationContext.run(Map.<String, Object>of(
            // the production URL of application.yml (durable commits included), in a fresh directory
            "familycentre.data-dir", dir.toAbsolutePath().toString(),
            "familycentre.fixtures.load-on-empty-database", false,
            "micronaut.server.port", -1))) {
        double contextSeconds = seconds(System.nanoTime() - startContext);

        // ---- generation (not timed as issuing) ----
        long startGeneration = System.nanoTime();
        generate(ctx, documents, count, seed);
        double generationSeconds = seconds(System.nanoTime() - startGeneration);
        ConnectionOperations<Connection> jdbc = connections(ctx);
        long centres = ctx.getBean(CentreRepository.class).count();
        System.out.printf(Locale.ROOT, "# %d centres generated in %.1f s%n", centres, generationSeconds);

        // ---- issuing (timed) ----
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
        long heapBefore = heapUsed(heapPools);
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        HeapSampler sampler = new HeapSampler(heapPools);
        sampler.start();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        String jobDetail;
        if (mode.equals("job")) {
            jobDetail = runJob(ctx, jdbc);
        } else {
            jobDetail = runLoop(ctx);
        }
        long elapsed = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuBefore;
        sampler.halt();
        long peakHeap = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        List<String> poolPeaks = heapPools.stream()
                .map(p -> p.getName() + " " + mib(p.getPeakUsage().getUsed())).toList();
        System.gc();
        long heapAfter = heapUsed(heapPools);
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        // ---- what was issued ----
        long statements = count(jdbc, "SELECT COUNT(*) FROM statement");
        long issuedCentres = count(jdbc, "SELECT COUNT(DISTINCT centre_id) FROM statement");
        long[] pdf = query(jdbc,
                "SELECT COUNT(*), AVG(OCTET_LENGTH(pdf)), MAX(OCTET_LENGTH(pdf)), MIN(OCTET_LENGTH(pdf)), "
                        + "SUM(OCTET_LENGTH(pdf)) FROM statement_pdf", null, rs -> {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
                });
        double secs = seconds(elapsed);

        rows.put("mode", mode.equals("job")
                ? "QuarterlyRun.start(" + QUARTER + ") job, JobRepository polled until FINISHED"
                : "Invoicing.issue + PdfArchive.storeAll per centre, one thread");
        rows.put("database", "H2 file (embedded), fresh temp directory");
        rows.put("centres generated", centres + " (from " + documents.size() + " fixtures, seed " + seed
                + ", in " + String.format(Locale.ROOT, "%.1f s", generationSeconds) + ")");
        rows.put("context start", String.format(Locale.ROOT, "%.1f s", contextSeconds));
        rows.put("job result", jobDetail);
        rows.put("issuing wall time", String.format(Locale.ROOT, "%.1f s", secs));
        rows.put("process CPU time", String.format(Locale.ROOT, "%.1f s (all threads, GC included)",
                seconds(cpu)));
        rows.put("statements issued", statements + " (for " + issuedCentres + " centres)");
        rows.put("statements/s", String.format(Locale.ROOT, "%.1f", statements / secs));
        rows.put("centres/s", String.format(Locale.ROOT, "%.1f", issuedCentres / secs));
        rows.put("PDFs stored", String.valueOf(pdf[0]));
        rows.put("PDF size avg", kib(pdf[1]));
        rows.put("PDF size max", kib(pdf[2]));
        rows.put("PDF size min", kib(pdf[3]));
        rows.put("PDF bytes total", String.format(Locale.ROOT, "%.1f MiB", pdf[4] / 1048576.0));
        rows.put("peak heap (sum of pool peaks)", mib(peakHeap));
        rows.put("peak heap (sampled, 50 ms)", mib(sampler.max));
        rows.put("heap in use before issuing", mib(heapBefore));
        rows.put("peak per heap pool", String.join(", ", poolPeaks));
        rows.put("heap in use after issuing", mib(heapAfter) + " (after System.gc())");
        rows.put("-Xmx", xmx() + " (max heap " + mib(Runtime.getRuntime().maxMemory()) + ")");
        rows.put("GC", String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(g -> g.getName()).toList()));
        rows.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        rows.put("processors", String.valueOf(Runtime.getRuntime().availableProcessors()));
        rows.put("load average (1 min)", String.format(Locale.ROOT, "%.2f before issuing, %.2f after",
                loadBefore, loadAfter));
    } finally {
        if (keep) {
            System.out.println("# database kept in " + dir);
        } else {
            delete(dir);
        }
    }
    }

    /** CPU time of the whole JVM so far: steadier than wall time on a shared machine. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    // ---- generation -------------------------------------------------------

    static List<String> fixtureTexts(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no fixtures directory " + dir.toAbsolutePath()
                    + " (run from the project directory)");
        }
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalStateException("no fixtures/*.json in " + dir.toAbsolutePath());
        }
        return texts;
    }

    /** Imports {@code count} variants of the fixtures, round robin, each in its own transaction. */
    static void generate(ApplicationContext ctx, List<String> documents, int count, long seed) throws IOException {
        JsonMapper json = ctx.getBean(JsonMapper.class);
        CentreImport importer = ctx.getBean(CentreImport.class);
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            String variant = variant(json, documents.get(i % documents.size()), i, random);
            CentreReader.ImportRequest request = CentreReader.readImport(variant);
            List<Violation> violations = CentreValidator.validate(request.document().centre());
            if (!violations.isEmpty()) {
                throw new IllegalStateException("variant " + i + " is refused: " + violations + "\n" + variant);
            }
            importer.importDocument(request.document(), "centre.");
        }
    }

    private static final String[] PLACES = {"Norr", "Söder", "Väster", "Öster", "Centrum", "Backa", "Gärdet",
        "Åsen", "Kullen", "Dalen", "Torget", "Hagen", "Ängen", "Strand", "Berget", "Skogen"};

    /** A fixture document with the centre's name, room areas and money varied; entities untouched. */
    @SuppressWarnings("unchecked")
    static String variant(JsonMapper json, String document, int index, Random random) throws IOException {
        Map<String, Object> root = json.readValue(document, Map.class);
        Map<String, Object> centre = (Map<String, Object>) root.get("centre");
        centre.put("name", centre.get("name") + " " + PLACES[random.nextInt(PLACES.length)] + " " + (index + 1));
        for (Map<String, Object> room : list(centre, "rooms")) {
            room.put("area", vary(room.get("area"), random, 0.10, 1));
        }
        for (Map<String, Object> c : list(centre, "coordinators")) {
            c.put("monthlySalary", vary(c.get("monthlySalary"), random, 0.05, 0));
            for (Map<String, Object> ch : list(c, "salaryChanges")) {
                ch.put("amount", vary(ch.get("amount"), random, 0.05, 0));
            }
            for (String key : List.of("competenceDevelopmentPerYear", "itPerYear", "otherPerYear")) {
                if (c.get(key) != null) {
                    c.put(key, vary(c.get(key), random, 0.10, 0));
                }
            }
        }
        for (Map<String, Object> line : list(centre, "costLines")) {
            line.put("amount", vary(line.get("amount"), random, 0.10, 0));
            for (Map<String, Object> ch : list(line, "changes")) {
                ch.put("amount", vary(ch.get("amount"), random, 0.10, 0));
            }
        }
        if (centre.get("dedicatedRent") instanceof Map<?, ?> rent) {
            ((Map<String, Object>) rent).put("rentPerSquareMetreYear",
                    vary(rent.get("rentPerSquareMetreYear"), random, 0.05, 0));
        }
        return json.writeValueAsString(root);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** The value times a factor within ±{@code spread}, at {@code scale} decimals, at least one unit of it. */
    static BigDecimal vary(Object value, Random random, double spread, int scale) {
        BigDecimal base = new BigDecimal(value.toString());
        BigDecimal factor = BigDecimal.valueOf(1 + (random.nextDouble() * 2 - 1) * spread);
        BigDecimal varied = base.multiply(factor).setScale(scale, RoundingMode.HALF_UP);
        BigDecimal least = BigDecimal.ONE.movePointLeft(scale);
        return varied.compareTo(least) < 0 ? least : varied;
    }

    // ---- issuing ----------------------------------------------------------

    /** The production path: one job over every centre, polled until it is FINISHED. */
    static String runJob(ApplicationContext ctx, ConnectionOperations<Connection> jdbc) throws InterruptedException {
        QuarterlyRun run = ctx.getBean(QuarterlyRun.class);
        JobRepository jobs = ctx.getBean(JobRepository.class);
        JobRow job = run.start(Period.ofQuarter(QUARTER)).job();
        long lastReport = System.nanoTime();
        while (true) {
            JobRow current = jobs.findById(job.id()).orElseThrow();
            if (current.status() == JobStatus.FINISHED) {
                break;
            }
            Thread.sleep(100);
            if (System.nanoTime() - lastReport > 30_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf(Locale.ROOT, "# job %d: %d of its centres done%n", job.id(),
                        count(jdbc, "SELECT COUNT(*) FROM job_item WHERE status <> 'PENDING'"));
            }
        }
        Map<String, Long> statuses = new LinkedHashMap<>();
        query(jdbc, "SELECT status, COUNT(*) FROM job_item WHERE job_id = ? GROUP BY status ORDER BY status",
                job.id(), rs -> {
                    while (rs.next()) {
                        statuses.put(rs.getString(1), rs.getLong(2));
                    }
                    return null;
                });
        List<String> problems = query(jdbc,
                "SELECT centre_id, status, detail FROM job_item WHERE job_id = ? AND status <> 'DONE' ORDER BY id LIMIT 3",
                job.id(), rs -> {
                    List<String> found = new ArrayList<>();
                    while (rs.next()) {
                        found.add("centre " + rs.getLong(1) + " " + rs.getString(2) + ": " + rs.getString(3));
                    }
                    return found;
                });
        problems.forEach(p -> System.out.println("# " + p));
        return "job " + job.id() + " items " + statuses;
    }

    /** Issuing by hand, centre after centre, on this thread. */
    static String runLoop(ApplicationContext ctx) {
        Invoicing invoicing = ctx.getBean(Invoicing.class);
        PdfArchive pdfs = ctx.getBean(PdfArchive.class);
        Period period = Period.ofQuarter(QUARTER);
        int done = 0;
        int failed = 0;
        for (CentreRow centre : ctx.getBean(CentreRepository.class).findAll()) {
            try {
                List<StatementRow> issued = invoicing.issue(centre.id(), period);
                pdfs.storeAll(issued);
                done++;
            } catch (RuntimeException e) {
                if (failed++ < 3) {
                    System.out.println("# centre " + centre.id() + " failed: " + e);
                }
            }
        }
        return done + " centres issued, " + failed + " failed";
    }

    // ---- measuring and reporting -------------------------------------------

    /** The largest total heap in use, sampled every 50 ms. */
    static final class HeapSampler extends Thread {
        private final List<MemoryPoolMXBean> pools;
        private volatile boolean running = true;
        volatile long max;

        HeapSampler(List<MemoryPoolMXBean> pools) {
            super("heap-sampler");
            setDaemon(true);
            this.pools = pools;
        }

        @Override
        public void run() {
            while (running) {
                max = Math.max(max, heapUsed(pools));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void halt() throws InterruptedException {
            running = false;
            interrupt();
            join();
            max = Math.max(max, heapUsed(pools));
        }
    }

    static long heapUsed(List<MemoryPoolMXBean> pools) {
        return pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    /** The application's JDBC connection operations (its DataSource bean only lends a connection inside one). */
    @SuppressWarnings("unchecked")
    static ConnectionOperations<Connection> connections(ApplicationContext ctx) {
        return ctx.getBean(Argument.of(ConnectionOperations.class, Connection.class));
    }

    static long count(ConnectionOperations<Connection> jdbc, String sql) {
        return query(jdbc, sql, null, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Plain JDBC on a connection of the application's pool, opened for this query. */
    static <T> T query(ConnectionOperations<Connection> jdbc, String sql, Long parameter, Rows<T> rows) {
        return jdbc.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
                if (parameter != null) {
                    ps.setLong(1, parameter);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rows.read(rs);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    static String xmx() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize"))
                .reduce((a, b) -> b).orElse("not set");
    }

    /** The JIT options the JVM was started with: the default tiered JIT when none. */
    static String jit() {
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:TieredStopAtLevel") || a.contains("TieredCompilation")
                        || a.startsWith("-Xint") || a.startsWith("-Xcomp"))
                .toList();
        return options.isEmpty() ? "tiered, C1 and C2 (the JVM's default)" : String.join(" ", options)
                + (options.contains("-XX:TieredStopAtLevel=1") ? " (C1 only)" : "");
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static String kib(long bytes) {
        return String.format(Locale.ROOT, "%d bytes (%.1f KiB)", bytes, bytes / 1024.0);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    static String table(Map<String, String> rows) {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder b = new StringBuilder("== IssueBenchmark: issue " + QUARTER + " with PDFs ==\n");
        rows.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", k, v)));
        return b.toString();
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
