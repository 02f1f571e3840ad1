package se.familycentre.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.familycentre.access.Actor;
import se.familycentre.centre.IndexValues;
import se.familycentre.centre.Refusal;
import se.familycentre.format.FormatException;
import se.familycentre.format.IndexValueReader;

/**
 * The index series' October values for administrators (issue 12): every series with its values, and
 * a form that enters a new October value with {@link IndexValues}, as the API's index-series resource
 * does. The value is written the Swedish way ({@code 409,07}; a point is taken too); a value once
 * entered does not change, so another value for the same year is refused next to the year.
 */
@Hidden
@Controller("/admin/index")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AdminIndexPageController {

    static final String PATH = "/admin/index";

    private final IndexValues values;

    public AdminIndexPageController(IndexValues values) {
        this.values = values;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String serie,
                                @Nullable @QueryValue String ar, @Nullable @QueryValue String fanns) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        Map<String, Object> entered = new LinkedHashMap<>();
        entered.put("series", "KPI");
        entered.put("year", "");
        entered.put("october", "");
        Map<String, Object> model = model(gate.admin(), entered, Map.of());
        if (serie != null && ar != null && ar.matches("\\d{4}")) {
            values.entries(serie).stream().filter(e -> e.year() == Integer.parseInt(ar)).findFirst().ifPresent(e ->
                    model.put("notice", "Oktobervärdet för " + e.series() + " " + e.year() + " "
                            + (fanns != null ? "fanns redan: " : "är sparat: ") + Pages.decimal(e.october()) + "."));
        }
        return HttpResponse.ok(new ModelAndView<>("adminIndex", model));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> enter(HttpRequest<?> request, @Body Map<String, Object> form) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String series = AdminPages.value(form, "series");
        series = series == null ? null : series.toUpperCase(Locale.ROOT);
        String yearText = AdminPages.value(form, "year");
        String octoberText = AdminPages.value(form, "october");
        if (series == null) {
            errors.put("series", "Fyll i serien, till exempel KPI.");
        }
        int year = -1;
        if (yearText == null) {
            errors.put("year", "Fyll i året.");
        } else if (!yearText.matches("\\d{4}")) {
            errors.put("year", "Skriv året med fyra siffror, till exempel 2025.");
        } else {
            year = Integer.parseInt(yearText);
        }
        BigDecimal october = null;
        if (octoberText == null) {
            errors.put("october", "Fyll i oktobervärdet.");
        } else {
            String plain = number(octoberText);
            if (plain == null) {
                errors.put("october", "Skriv oktobervärdet som ett tal med decimalkomma, till exempel 409,07.");
            } else {
                try {
                    october = IndexValueReader.october("{\"october\":\"" + plain + "\"}");
                } catch (FormatException e) {
                    String reason = e.errors().isEmpty() ? "" : e.errors().get(0).reason();
                    errors.put("october", reason.startsWith("is above 0") ? "Oktobervärdet måste vara större än 0."
                            : reason.startsWith("has at most four") ? "Oktobervärdet får ha högst fyra decimaler."
                            : reason.startsWith("is below") ? "Oktobervärdet måste vara mindre än 100 000 000."
                            : "Skriv oktobervärdet som ett tal med decimalkomma, till exempel 409,07.");
                }
            }
        }
        if (errors.isEmpty()) {
            try {
                IndexValues.Entered done = values.enter(series, year, october);
                return AdminPages.redirect(PATH + "?serie=" + URLEncoder.encode(series, StandardCharsets.UTF_8)
                        + "&ar=" + year + (done.created() ? "" : "&fanns=ja"));
            } catch (Refusal.InvalidValue e) {
                e.errors().forEach(v -> errors.putIfAbsent(v.field(), v.field().equals("series")
                        ? "Serien skrivs med 1–20 versaler, siffror, - eller _ och börjar med en bokstav, till exempel KPI."
                        : "Ett oktobervärde läggs in för ett år från 1980 till i år."));
            } catch (Refusal.Conflict e) {
                IndexValues.Entry existing = values.entries(series).stream().filter(x -> x.year() == Integer.parseInt(yearText))
                        .findFirst().orElse(null);
                errors.put("year", "Oktobervärdet för " + series + " " + yearText + " är redan inlagt"
                        + (existing == null ? "" : " (" + Pages.decimal(existing.october()) + ", av " + existing.recordedBy() + ")")
                        + " och kan inte ändras: avräkningar har räknats med det.");
            }
        }
        Map<String, Object> entered = new LinkedHashMap<>(AdminPages.texts(form));
        return AdminPages.refused(HttpStatus.UNPROCESSABLE_ENTITY, "adminIndex",
                model(gate.admin(), entered, errors));
    }

    /** A number as written in Swedish (409,07; 1 234,5) or with a point, plainly; null when it is not one. */
    static String number(String text) {
        String t = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (t.contains(",") && t.contains(".")) {
            return null;
        }
        t = t.replace(',', '.');
        return t.matches("-?\\d{1,12}(\\.\\d{1,12})?") ? t : null;
    }

    private Map<String, Object> model(Actor admin, Map<String, Object> entered, Map<String, String> errors) {
        Map<String, Object> model = AdminPages.form(admin, "Indexvärden", entered, errors);
        List<Map<String, Object>> series = new ArrayList<>();
        values.bySeries().forEach((name, entries) -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = entries.size() - 1; i >= 0; i--) {
                IndexValues.Entry e = entries.get(i);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("year", e.year());
                row.put("october", Pages.decimal(e.october()));
                row.put("recordedBy", e.recordedBy());
                row.put("recordedAt", AdminPages.time(e.recordedAt()));
                rows.add(row);
            }
            series.add(Map.of("name", name, "id", "serie-" + name, "rows", rows));
        });
        model.put("series", series);
        model.put("seriesNames", series.stream().map(s -> s.get("name")).toList());
        return model;
    }
}
