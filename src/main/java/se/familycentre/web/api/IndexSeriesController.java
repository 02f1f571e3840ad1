package se.familycentre.web.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.familycentre.centre.IndexValues;
import se.familycentre.centre.Refusal;
import se.familycentre.format.IndexValueReader;

/**
 * The index series a cost line's indexation follows (RULES §3; KPI, October values, 1980 = 100):
 * read by everyone signed in, a new October value entered by an ADMIN. A value once entered does
 * not change (409 for another value; the same value again is 200 and changes nothing).
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "apiToken")
@SecurityRequirement(name = "signInCookie")
@SecurityRequirement(name = "basicAuth")
@ApiResponse(responseCode = "401", description = "No valid credentials (…:unauthenticated)",
        content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
@ApiResponse(responseCode = "403", description = "The principal's role does not reach the action: values are entered by ADMIN (…:forbidden)",
        content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
@ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
        content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
@Controller("/api/v1/index-series")
@Produces(MediaType.APPLICATION_JSON)
public class IndexSeriesController {

    private final IndexValues values;

    public IndexSeriesController(IndexValues values) {
        this.values = values;
    }

    @Get
    @Operation(operationId = "listIndexSeries", summary = "Every index series with its October values", tags = "Index series")
    @ApiResponse(responseCode = "200", description = "The series",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "IndexSeriesList")))
    public Map<String, Object> list() {
        List<Map<String, Object>> series = new ArrayList<>();
        values.bySeries().forEach((name, entries) -> series.add(series(name, entries)));
        return Map.of("series", series);
    }

    @Get("/{series}")
    @Operation(operationId = "getIndexSeries", summary = "One index series with its October values", tags = "Index series")
    @ApiResponse(responseCode = "200", description = "The series",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "IndexSeries")))
    @ApiResponse(responseCode = "404", description = "No such series (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public Map<String, Object> get(String series) {
        List<IndexValues.Entry> entries = values.entries(series);
        if (entries.isEmpty()) {
            throw new Refusal.NotFound("index series " + series);
        }
        return series(series, entries);
    }

    @Put("/{series}/values/{year}")
    @Operation(operationId = "enterIndexValue", summary = "Enters a series' October value for a year (ADMIN)", tags = "Index series")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The October value",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "IndexValueInput")))
    @ApiResponse(responseCode = "201", description = "Entered",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "IndexValue")))
    @ApiResponse(responseCode = "200", description = "The same value was entered already; nothing changed",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "IndexValue")))
    @ApiResponse(responseCode = "400", description = "Malformed: not JSON, a wrong type or an unknown property (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The year has another value already (…:conflict)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "A value, series name or year out of bounds (…:invalid-value)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "415", description = "The body's media type is not read here (…:unsupported-media-type)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<Map<String, Object>> enter(String series, String year, @Body String body) {
        int y = year.matches("\\d{4}") ? Integer.parseInt(year) : -1;
        IndexValues.Entered entered = values.enter(series, y, IndexValueReader.october(body));
        Map<String, Object> json = value(entered.entry());
        return entered.created()
                ? HttpResponse.<Map<String, Object>>created(json)
                        .headers(h -> h.location(URI.create("/api/v1/index-series/" + series)))
                : HttpResponse.<Map<String, Object>>status(HttpStatus.OK).body(json);
    }

    private static Map<String, Object> series(String name, List<IndexValues.Entry> entries) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("values", entries.stream().map(IndexSeriesController::value).toList());
        return m;
    }

    private static Map<String, Object> value(IndexValues.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series", e.series());
        m.put("year", e.year());
        m.put("october", e.october().toPlainString());
        m.put("recordedAt", e.recordedAt().toString());
        m.put("recordedBy", e.recordedBy());
        return m;
    }
}
