package se.familycentre.web.api;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.Sek;
import se.familycentre.centre.Scenarios;
import se.familycentre.format.ScenarioReader;
import se.familycentre.scenario.Scenario;
import se.familycentre.scenario.ScenarioReport;
import se.familycentre.scenario.ScenarioRun;

/**
 * The budget simulator for steering groups (issue 11, RULES §7), stateless: a planned centre and
 * its assumptions in, each year's and the first year's quarters' costs per legal entity and
 * service out, with the frames exceeded, the warnings, the same plan under each premises rule and
 * the plan without each service that can be left out.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "apiToken")
@SecurityRequirement(name = "signInCookie")
@SecurityRequirement(name = "basicAuth")
@ApiResponse(responseCode = "401", description = "No valid credentials (…:unauthenticated)",
        content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
@ApiResponse(responseCode = "403", description = "The principal's role does not reach the action (…:forbidden)",
        content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
@Controller("/api/v1/scenarios")
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioController {

    private final Scenarios scenarios;

    public ScenarioController(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    @Post("/compute")
    @Operation(operationId = "computeScenario", summary = "Computes a planned centre's budget year by year, without storing anything", tags = "Scenarios")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The planned centre and its assumptions",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "ScenarioRequest")))
    @ApiResponse(responseCode = "200", description = "The budget",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "ScenarioResult")))
    @ApiResponse(responseCode = "400", description = "Malformed: not JSON, a wrong type or an unknown property (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The plan cannot be computed: a value out of bounds or refused by the rules, each with its field (…:invalid-value, …:invalid-centre)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "415", description = "The body's media type is not read here (…:unsupported-media-type)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public Map<String, Object> compute(@Body String body) {
        return report(scenarios.report(ScenarioReader.read(body)));
    }

    /** The plan, the rule comparison and the service comparison, as the API answers them. */
    static Map<String, Object> report(ScenarioReport report) {
        ScenarioRun.Result plan = report.plan();
        Map<String, Object> json = result(plan);
        List<Map<String, Object>> rules = new ArrayList<>();
        report.premisesRules().forEach((rule, outcome) -> {
            if (outcome instanceof ScenarioRun.Result r) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("premisesRule", rule.name());
                m.put("totals", totals(r));
                m.put("differenceFromPlan", amounts(ScenarioReport.difference(r, plan)));
                rules.add(m);
            }
        });
        json.put("premisesRuleComparison", rules);
        List<Map<String, Object>> without = new ArrayList<>();
        report.withoutEachService().forEach((service, outcome) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("without", service);
            if (outcome instanceof ScenarioRun.Result r) {
                m.put("totals", totals(r));
                m.put("differenceFromPlan", amounts(ScenarioReport.difference(r, plan)));
            } else {
                m.put("refused", ((ScenarioRun.Refused) outcome).violations().stream()
                        .map(v -> Map.of("field", "plan." + v.field(), "reason", v.reason())).toList());
            }
            without.add(m);
        });
        json.put("serviceComparison", without);
        return json;
    }

    static Map<String, Object> result(ScenarioRun.Result r) {
        Scenario s = r.scenario();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", s.name());
        json.put("start", s.start().toString());
        json.put("end", s.end().toString());
        json.put("horizonYears", s.horizonYears());
        Map<String, Object> assumptions = new LinkedHashMap<>();
        assumptions.put("salaryIncreasePercent", s.assumptions().salaryIncreasePercent().toPlainString());
        assumptions.put("salaryRevision", s.assumptions().salaryRevision().toString().substring(2));
        assumptions.put("indexChangePercent", s.assumptions().indexChangePercent().toPlainString());
        assumptions.put("sharedRooms", s.sharedRooms().stream().map(room -> Map.of("id", room.id(), "type",
                room.type().name(), "area", room.area().toPlainString())).toList());
        json.put("assumptions", assumptions);
        json.put("years", r.years().stream().map(ScenarioController::period).toList());
        json.put("firstYearQuarters", r.quarters().stream().map(ScenarioController::period).toList());
        json.put("framesExceeded", r.frames().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("organisationNumber", f.organisationNumber());
            m.put("year", f.year());
            m.put("frame", Sek.plain(f.frame()));
            m.put("cost", Sek.plain(f.cost()));
            m.put("by", Sek.plain(f.by()));
            return m;
        }).toList());
        json.put("warnings", r.warnings().stream().map(w -> Map.of("code", w.code(), "message", w.message())).toList());
        return json;
    }

    private static Map<String, Object> period(ScenarioRun.PeriodResult p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", p.period().from().toString());
        m.put("to", p.period().to().toString());
        m.put("entities", p.entities().stream().map(e -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("organisationNumber", e.organisationNumber());
            x.put("name", e.name());
            x.put("byPool", pools(e.byPool()));
            x.put("total", Sek.plain(e.total()));
            x.put("paidOut", Sek.plain(e.paidOut()));
            x.put("reimbursed", Sek.plain(e.reimbursed()));
            x.put("reimburses", Sek.plain(e.reimburses()));
            return x;
        }).toList());
        m.put("services", p.allocation().services().stream().map(t -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", t.service());
            x.put("entity", t.entity());
            x.put("byPool", pools(t.byPool()));
            x.put("total", Sek.plain(t.total()));
            return x;
        }).toList());
        m.put("flows", p.allocation().flows().stream().filter(f -> !f.internal()).map(f -> Map.of(
                "creditor", f.creditor(), "debtor", f.debtor(), "amount", Sek.plain(f.amount()))).toList());
        return m;
    }

    private static Map<String, String> pools(Map<Pool, MonetaryAmount> byPool) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Pool pool : Pool.values()) {
            MonetaryAmount a = byPool.get(pool);
            m.put(pool.name(), a == null ? "0.00" : Sek.plain(a));
        }
        return m;
    }

    static Map<String, Map<String, String>> totals(ScenarioRun.Result r) {
        return amounts(ScenarioRun.totals(r));
    }

    /** Entity → year → amount, as plain decimal strings. */
    static Map<String, Map<String, String>> amounts(Map<String, Map<Integer, MonetaryAmount>> byEntity) {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        byEntity.forEach((org, years) -> {
            Map<String, String> y = new LinkedHashMap<>();
            years.forEach((year, amount) -> y.put(String.valueOf(year), Sek.plain(amount)));
            m.put(org, y);
        });
        return m;
    }
}
