package se.familycentre.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import se.familycentre.allocation.Allocator;
import se.familycentre.allocation.IndexTable;
import se.familycentre.format.IndexSeriesReader;
import se.familycentre.format.ScenarioReader;
import se.familycentre.scenario.Scenario;
import se.familycentre.scenario.ScenarioRun;

/**
 * What one simulator request computes (issue 11, item 8): a 10-year scenario of four base services
 * with an indexed rent, salary increases and frames, under its own rule, under each premises rule
 * (equal, area, percent) and without each service that can be left out, on one thread.
 * Run with {@code ./mvnw -B -Pbench clean test-compile exec:exec -Djmh.args="ScenarioBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScenarioBenchmark {

    static final String PLAN = """
            {"name": "Familjecentralen Norr", "start": "2027-08-01", "horizonYears": 10,
             "entities": [{"organisationNumber": "232100-0131", "name": "Västra Götalandsregionen"},
                          {"organisationNumber": "212000-1561", "name": "Kommunen"}],
             "services": [{"id": "bmm", "type": "MIDWIFE_CLINIC", "entity": "232100-0131", "dedicatedArea": 30},
                          {"id": "bvc", "type": "CHILD_HEALTH", "entity": "232100-0131", "dedicatedArea": 45},
                          {"id": "of", "type": "OPEN_PRESCHOOL", "entity": "212000-1561", "dedicatedArea": 80},
                          {"id": "soc", "type": "SOCIAL_SERVICES", "entity": "212000-1561", "dedicatedArea": 20,
                           "from": "2028-01-01"}],
             "rentPerSquareMetreYear": "1850", "rentIndexation": {"baseYear": 2026},
             "cleaningPerYear": "60000", "otherSharedPerYear": "12000", "jointActivitiesPerYear": "40000",
             "coordinator": {"employer": "of", "monthlySalary": "42000", "onCostPercent": "41.5",
                             "competenceDevelopmentPerYear": "15000", "itPerYear": "7200"},
             "rules": {"PREMISES": [{"rule": "PERCENT", "percentages": {"bmm": 20, "bvc": 25, "of": 40, "soc": 15}}]},
             "assumptions": {"salaryIncreasePercent": "3.0", "indexChangePercent": "2.0"},
             "frames": [{"organisationNumber": "212000-1561", "perYear": "400000"}]}
            """;

    private Scenario scenario;
    private IndexTable index;
    private ScenarioRun run;

    @Setup
    public void setUp() {
        scenario = ScenarioReader.read(PLAN);
        index = IndexSeriesReader.reference();
        run = new ScenarioRun(new Allocator());
        if (!(run.run(scenario, index) instanceof ScenarioRun.Result)) {
            throw new IllegalStateException("the benchmark's plan is refused: " + run.run(scenario, index));
        }
    }

    /** The plan, each premises rule and each service left out: what POST /api/v1/scenarios/compute computes. */
    @Benchmark
    public void computeWithComparisons(Blackhole blackhole) {
        blackhole.consume(run.report((ScenarioRun.Result) run.run(scenario, index), index));
    }
}
