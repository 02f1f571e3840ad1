package se.familycentre.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import se.familycentre.allocation.AllocationOutcome;
import se.familycentre.allocation.Allocator;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Period;
import se.familycentre.format.CentreReader;

/**
 * The pure core, {@code new Allocator().allocate(centre, period)}, for every
 * fixture centre, over the document's own period (a quarter) and over the whole
 * of 2025. The JSON is read in {@link #setUp()}; only the allocation is measured.
 *
 * <p>Run from the project directory with
 * {@code ./mvnw -B -Pbench clean test-compile exec:exec}. The profile starts
 * {@link #main(String[])}, which measures every {@code fixtures/*.json} that
 * exists plus the RULES §6 example A (unless {@code -p fixture=…} is given) and
 * passes any other JMH option through, e.g. {@code -Djmh.args="-p span=year -f 2"}.
 * The list in {@code @Param} is the default when JMH's own
 * {@code org.openjdk.jmh.Main} is used instead.
 *
 * <p>Compiled in every build (JMH's annotations are a test dependency); JMH's
 * generator runs only in the {@code bench} profile, and nothing here is a test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Builds run beside the benchmark on a small machine: the JIT needs the longer warmup to settle there,
// and two-second iterations keep one noisy second from deciding the score.
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AllocationBenchmark {

    static final String FIXTURES = "fixtures";
    static final String EXAMPLE = "src/test/resources/examples/example-a.json";
    static final Period YEAR_2025 = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    /** A request document ({@code {"period": …, "centre": …}}), relative to the project directory. */
    @Param({"fixtures/solrosen-goteborg.json", "fixtures/backen-boras.json", "fixtures/ekhagen-trollhattan.json",
            EXAMPLE})
    public String fixture;

    /** {@code quarter}: the document's own period; {@code year}: 2025-01-01..2025-12-31. */
    @Param({"quarter", "year"})
    public String span;

    private Centre centre;
    private Period period;

    @Setup(Level.Trial)
    public void setUp() {
        Path file = Path.of(fixture);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no fixture " + file.toAbsolutePath()
                    + " (run from the project directory; the launcher measures only files that exist)");
        }
        String body;
        try {
            body = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CentreReader.AllocationRequest request = CentreReader.readRequest(body);
        centre = request.centre();
        period = switch (span) {
            case "quarter" -> request.period();
            case "year" -> YEAR_2025;
            default -> throw new IllegalArgumentException("span is quarter or year, not " + span);
        };
        // A refusal stops at validation: its time would not be an allocation's.
        if (new Allocator().allocate(centre, period) instanceof AllocationOutcome.Refused refused) {
            throw new IllegalStateException(fixture + " is refused over " + period.label() + ": "
                    + refused.violations());
        }
    }

    @Benchmark
    public void allocate(Blackhole blackhole) {
        blackhole.consume(new Allocator().allocate(centre, period));
    }

    /** Every fixture that exists now, then the RULES §6 example A. */
    static String[] fixtures() {
        List<String> files = new ArrayList<>();
        Path dir = Path.of(FIXTURES);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                        .map(p -> FIXTURES + "/" + p.getFileName())
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (Files.isRegularFile(Path.of(EXAMPLE))) {
            files.add(EXAMPLE);
        }
        return files.toArray(String[]::new);
    }

    /** JMH's command line, with {@code fixture} defaulting to the files found and only this benchmark. */
    public static void main(String[] args) throws Exception {
        // Maven passes -Djmh.args as one argument (an empty one when unset): split it into JMH's words.
        String[] words = Arrays.stream(args).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                .filter(a -> !a.isEmpty()).toArray(String[]::new);
        CommandLineOptions command = new CommandLineOptions(words);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(command);
        if (command.getIncludes().isEmpty()) {
            options.include(AllocationBenchmark.class.getName() + "\\.");
        }
        if (!command.getParameter("fixture").hasValue()) {
            String[] found = fixtures();
            if (found.length == 0) {
                throw new IllegalStateException("no fixtures/*.json and no " + EXAMPLE + " under "
                        + Path.of("").toAbsolutePath());
            }
            System.out.println("# Fixtures: " + String.join(", ", found));
            options.param("fixture", found);
        }
        new Runner(options.build()).run();
    }
}
