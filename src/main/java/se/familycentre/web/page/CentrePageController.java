package se.familycentre.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.familycentre.access.Actor;
import se.familycentre.access.Role;
import se.familycentre.access.Scope;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.AllocationOutcome;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Pool;
import se.familycentre.centre.Allocations;
import se.familycentre.centre.CentreStore;
import se.familycentre.format.CentreDocument;
import se.familycentre.statement.SwedishFormat;
import se.familycentre.statement.SwedishTerms;

/**
 * A centre's page for the people of its entities (issue 12): its services and rooms, and one
 * quarter — the classification, the warnings, each service's share per pool and in total, and
 * what each legal entity invoices another, with each draft statement's PDF. Out of scope is a 404,
 * as the API answers it.
 */
@Hidden
@Controller("/centraler")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class CentrePageController {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final Scope scope;
    private final CentreStore store;
    private final Allocations allocations;

    public CentrePageController(Scope scope, CentreStore store, Allocations allocations) {
        this.scope = scope;
        this.store = store;
        this.allocations = allocations;
    }

    @Get("/{id}")
    public HttpResponse<?> centre(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String kvartal) {
        Optional<Actor> actor = Pages.actor(request);
        if (actor.isEmpty()) {
            return HttpResponse.seeOther(URI.create(PageController.SIGN_IN));
        }
        if (se.familycentre.web.api.Access.mustChangePassword(request)) {
            return HttpResponse.seeOther(URI.create(PageController.PASSWORD));
        }
        if (!scope.seesCentre(actor.get(), id)) {
            return HttpResponse.status(HttpStatus.NOT_FOUND)
                    .body(new ModelAndView<>("notfound", Pages.model(actor.get(), "Hittades inte")));
        }
        Period quarter;
        try {
            quarter = kvartal == null ? thisQuarter() : Period.ofQuarter(kvartal);
        } catch (RuntimeException e) {
            Map<String, Object> model = Pages.model(actor.get(), "Felaktigt kvartal");
            model.put("errors", List.of(Pages.error("kvartal", "Ange kvartalet som ÅÅÅÅ-Qn, till exempel 2025-Q1.")));
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("notfound", model));
        }
        CentreDocument doc = store.document(id);
        Centre c = doc.centre();
        Map<String, Object> model = Pages.model(actor.get(), c.name());
        model.put("id", id);
        model.put("name", c.name());
        model.put("mayEdit", actor.get().mayEditCentres());
        model.put("mayIssue", actor.get().mayIssue() && (actor.get().isAdmin() || actor.get().has(Role.FINANCE)));
        model.put("quarter", quarter.label());
        model.put("quarterRange", SwedishFormat.date(quarter.from()) + " – " + SwedishFormat.date(quarter.to()));
        model.put("previous", quarter.from().minusMonths(3).getYear() + "-Q" + q(quarter.from().minusMonths(3)));
        model.put("next", quarter.from().plusMonths(3).getYear() + "-Q" + q(quarter.from().plusMonths(3)));
        model.put("services", c.services().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name() == null ? s.id() : s.name());
            m.put("type", SwedishTerms.serviceType(s.type()));
            m.put("entity", entityName(c, s.entity()));
            m.put("from", s.from() == null ? "" : SwedishFormat.date(s.from()));
            m.put("to", s.to() == null ? "" : SwedishFormat.date(s.to()));
            m.put("coLocated", s.coLocated() ? "Ja" : "Nej");
            return m;
        }).toList());
        model.put("rooms", c.rooms().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", doc.roomNames().getOrDefault(r.id(), r.id()));
            m.put("area", SwedishFormat.decimal(r.area()) + " m²");
            m.put("use", r.service() == null ? "Gemensam" : "Egen: " + serviceName(c, r.service()));
            return m;
        }).toList());
        AllocationOutcome outcome = allocations.allocate(c, quarter);
        if (outcome instanceof AllocationOutcome.Refused refused) {
            model.put("refused", refused.violations().stream().map(v -> v.field() + ": " + v.reason()).toList());
        } else {
            Allocation a = ((AllocationOutcome.Allocated) outcome).allocation();
            model.put("classification", a.classification().stream().map(s -> SwedishFormat.date(s.from()) + " – "
                    + SwedishFormat.date(s.to()) + ": " + classification(s.classification())).toList());
            model.put("warnings", CentreWarnings.of(a));
            model.put("pools", java.util.Arrays.stream(Pool.values()).map(SwedishTerms::pool).toList());
            model.put("shares", a.services().stream().map(t -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", serviceName(c, t.service()));
                m.put("entity", entityName(c, t.entity()));
                m.put("pools", java.util.Arrays.stream(Pool.values())
                        .map(p -> t.byPool().containsKey(p) ? SwedishFormat.amount(t.byPool().get(p)) : "–").toList());
                m.put("total", SwedishFormat.amount(t.total()));
                return m;
            }).toList());
            model.put("flows", a.flows().stream().filter(f -> !f.internal()).map(f -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("creditor", entityName(c, f.creditor()));
                m.put("debtor", entityName(c, f.debtor()));
                m.put("amount", SwedishFormat.amount(f.amount()));
                m.put("pdf", "/api/v1/centres/" + id + "/statements/draft.pdf?period=" + quarter.label()
                        + "&creditor=" + f.creditor() + "&debtor=" + f.debtor());
                return m;
            }).toList());
        }
        return HttpResponse.ok(new ModelAndView<>("centre", model));
    }

    private static Period thisQuarter() {
        LocalDate today = LocalDate.now(SWEDEN);
        return Period.ofQuarter(today.getYear() + "-Q" + q(today));
    }

    private static int q(LocalDate day) {
        return (day.getMonthValue() - 1) / 3 + 1;
    }

    private static String classification(se.familycentre.allocation.Classification c) {
        return switch (c) {
            case FAMILY_CENTRE -> "familjecentral";
            case FAMILY_CENTRE_LIKE -> "familjecentralsliknande verksamhet";
            case NOT_COVERED -> "omfattas inte av samverkansavtalet";
        };
    }

    private static String entityName(Centre c, String organisationNumber) {
        return c.entities().stream().filter(e -> e.organisationNumber().equals(organisationNumber)).findFirst()
                .map(e -> e.name() + " (" + organisationNumber + ")").orElse(organisationNumber);
    }

    private static String serviceName(Centre c, String id) {
        return c.services().stream().filter(s -> s.id().equals(id)).findFirst()
                .map(s -> s.name() == null ? s.id() : s.name()).orElse(id);
    }
}
