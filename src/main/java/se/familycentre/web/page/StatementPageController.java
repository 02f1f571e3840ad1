package se.familycentre.web.page;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.familycentre.access.Actor;
import se.familycentre.access.Role;
import se.familycentre.access.Scope;
import se.familycentre.allocation.Period;
import se.familycentre.centre.CentreStore;
import se.familycentre.centre.Refusal;
import se.familycentre.invoicing.Idempotency;
import se.familycentre.invoicing.Invoicing;
import se.familycentre.invoicing.InvoicingRefusal;
import se.familycentre.invoicing.PdfArchive;
import se.familycentre.invoicing.StatementRepository;
import se.familycentre.invoicing.StatementRow;
import se.familycentre.invoicing.StatementStatus;
import se.familycentre.statement.Statement;
import se.familycentre.statement.SwedishFormat;

/**
 * A finance officer's statements (issue 12): issuing a centre's quarter after a confirmation that
 * shows what will be numbered, the centre's issued statements with their status and downloads, and
 * crediting one with a reason. The same domain calls as the API's, with its roles and scope: the
 * people of the centre's entities with FINANCE (or an administrator) issue and credit.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class StatementPageController {

    /** The issue form: the quarter, and a key that makes a second click answer the first. */
    @Serdeable
    @Introspected
    public record IssueForm(@Nullable String kvartal, @Nullable String nyckel) {
    }

    @Serdeable
    @Introspected
    public record CreditForm(@Nullable String reason) {
    }

    private final Scope scope;
    private final Invoicing invoicing;
    private final StatementRepository statements;
    private final PdfArchive pdfs;
    private final Idempotency idempotency;
    private final CentreStore store;

    public StatementPageController(Scope scope, Invoicing invoicing, StatementRepository statements, PdfArchive pdfs,
                                   Idempotency idempotency, CentreStore store) {
        this.scope = scope;
        this.store = store;
        this.invoicing = invoicing;
        this.statements = statements;
        this.pdfs = pdfs;
        this.idempotency = idempotency;
    }

    @Get("/centraler/{id}/utfarda")
    public HttpResponse<?> confirm(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String kvartal) {
        return Pages.gate(request).orElseGet(() -> {
            Actor actor = Pages.actor(request).orElseThrow();
            Optional<HttpResponse<?>> refused = issuerOf(actor, id);
            if (refused.isPresent()) {
                return refused.get();
            }
            Optional<Period> period = quarter(kvartal);
            if (period.isEmpty()) {
                return badQuarter(actor);
            }
            return HttpResponse.ok(new ModelAndView<>("issue", confirmation(actor, id, period.get(), List.of())));
        });
    }

    @Post("/centraler/{id}/utfarda")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> issue(HttpRequest<?> request, @PathVariable long id, @Body IssueForm form) {
        return Pages.gate(request).orElseGet(() -> {
            Actor actor = Pages.actor(request).orElseThrow();
            Optional<HttpResponse<?>> refused = issuerOf(actor, id);
            if (refused.isPresent()) {
                return refused.get();
            }
            Optional<Period> period = quarter(form.kvartal());
            if (period.isEmpty()) {
                return badQuarter(actor);
            }
            Period p = period.get();
            try {
                String key = form.nyckel() == null || form.nyckel().isBlank() ? null : "page:" + form.nyckel();
                String ids = key == null ? issueNow(id, p)
                        : idempotency.once(key, "PAGE issue " + id + " " + p.label(), () -> issueNow(id, p));
                List<StatementRow> issued = java.util.Arrays.stream(ids.split(","))
                        .map(n -> statements.findById(Long.parseLong(n)).orElseThrow()).toList();
                // after the issuing transaction, as the API does: the PDFs are the archive's
                pdfs.storeAll(issued);
                return HttpResponse.seeOther(URI.create("/centraler/" + id + "/underlag?kvartal=" + p.label()
                        + "&utfardade=" + issued.size()));
            } catch (InvoicingRefusal | Refusal e) {
                Map<String, Object> model = confirmation(actor, id, p, List.of(Pages.error("utfarda", refusal(e))));
                return HttpResponse.status(e instanceof InvoicingRefusal.NothingToInvoice
                        ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CONFLICT).body(new ModelAndView<>("issue", model));
            }
        });
    }

    private String issueNow(long id, Period p) {
        return String.join(",", invoicing.issue(id, p).stream().map(r -> String.valueOf(r.id())).toList());
    }

    @Get("/centraler/{id}/underlag")
    public HttpResponse<?> list(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String kvartal,
                                @Nullable @QueryValue Integer utfardade, @Nullable @QueryValue String krediterat) {
        return Pages.gate(request).orElseGet(() -> {
            Actor actor = Pages.actor(request).orElseThrow();
            if (!scope.seesCentre(actor, id) || !readsStatements(actor)) {
                return notFound(actor);
            }
            Optional<Period> period = kvartal == null || kvartal.isBlank() ? Optional.empty() : quarter(kvartal);
            if (kvartal != null && !kvartal.isBlank() && period.isEmpty()) {
                return badQuarter(actor);
            }
            List<StatementRow> rows = period.map(p -> statements.findByCentreIdAndPeriodFromAndPeriodToOrderById(id,
                    p.from(), p.to())).orElseGet(() -> statements.findByCentreIdOrderById(id));
            Set<String> mine = scope.organisationNumbers(actor);
            List<StatementRow> visible = rows.stream()
                    .filter(r -> actor.isAdmin() || mine.contains(r.creditor()) || mine.contains(r.debtor()))
                    .sorted(Comparator.comparing(StatementRow::periodFrom).reversed()
                            .thenComparing(StatementRow::id))
                    .toList();
            Set<Long> credited = new java.util.HashSet<>();
            visible.stream().filter(r -> r.creditsId() != null).forEach(r -> credited.add(r.creditsId()));
            Map<String, Object> model = Pages.model(actor, "Fakturaunderlag");
            model.put("id", id);
            model.put("centreName", visible.isEmpty() ? centreName(id) : visible.get(0).centreName());
            model.put("quarter", period.map(Period::label).orElse(null));
            model.put("issuedNow", utfardade);
            model.put("creditedNow", krediterat);
            model.put("mayCredit", actor.mayIssue());
            model.put("statements", visible.stream().map(r -> row(r, credited.contains(r.id()) || statements
                    .findByCreditsId(r.id()).isPresent())).toList());
            model.put("files", period.map(p -> entityFiles(actor, visible, p)).orElse(List.of()));
            return HttpResponse.ok(new ModelAndView<>("statements", model));
        });
    }

    @Get("/underlag/{sid}/kreditera")
    public HttpResponse<?> creditForm(HttpRequest<?> request, @PathVariable long sid) {
        return Pages.gate(request).orElseGet(() -> {
            Actor actor = Pages.actor(request).orElseThrow();
            Optional<StatementRow> row = creditable(actor, sid);
            if (row.isEmpty()) {
                return notFound(actor);
            }
            return HttpResponse.ok(new ModelAndView<>("credit", creditModel(actor, row.get(), "", List.of())));
        });
    }

    @Post("/underlag/{sid}/kreditera")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> credit(HttpRequest<?> request, @PathVariable long sid, @Body CreditForm form) {
        return Pages.gate(request).orElseGet(() -> {
            Actor actor = Pages.actor(request).orElseThrow();
            Optional<StatementRow> row = creditable(actor, sid);
            if (row.isEmpty()) {
                return notFound(actor);
            }
            StatementRow original = row.get();
            String reason = form.reason() == null ? "" : form.reason().strip();
            if (reason.isEmpty() || reason.length() > 500) {
                String message = reason.isEmpty() ? "Skriv varför underlaget krediteras; kreditnotan visar det."
                        : "Skälet får vara högst 500 tecken.";
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("credit",
                        creditModel(actor, original, reason, List.of(Pages.error("reason", message)))));
            }
            try {
                StatementRow credit = invoicing.credit(original.id(), reason);
                pdfs.pdfOf(credit);
                return HttpResponse.seeOther(URI.create("/centraler/" + original.centreId() + "/underlag?kvartal="
                        + new Period(original.periodFrom(), original.periodTo()).label() + "&krediterat="
                        + URLEncoder.encode(original.number(), StandardCharsets.UTF_8)));
            } catch (InvoicingRefusal | Refusal e) {
                return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("credit",
                        creditModel(actor, original, reason, List.of(Pages.error("reason", refusal(e))))));
            }
        });
    }

    /** The confirmation: each statement that will be numbered, with the number it would get now. */
    private Map<String, Object> confirmation(Actor actor, long id, Period p, List<Map<String, String>> errors) {
        Map<String, Object> model = Pages.model(actor, "Utfärda " + p.label());
        model.put("errors", errors);
        model.put("id", id);
        model.put("quarter", p.label());
        model.put("quarterRange", SwedishFormat.period(p));
        model.put("key", UUID.randomUUID().toString());
        List<StatementRow> standing = invoicing.ledger(id, p).standing();
        model.put("standing", standing.stream().map(StatementRow::number).toList());
        try {
            Invoicing.Drafts drafts = invoicing.drafts(id, p);
            model.put("centreName", drafts.document().centre().name());
            List<Statement> invoices = drafts.invoices();
            List<String> numbers = invoicing.nextNumbers(invoices);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < invoices.size(); i++) {
                Statement s = invoices.get(i);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("number", numbers.get(i));
                m.put("creditor", s.creditor().name() + " (" + s.creditor().organisationNumber() + ")");
                m.put("debtor", s.debtor().name() + " (" + s.debtor().organisationNumber() + ")");
                m.put("amount", SwedishFormat.amount(s.total()));
                m.put("pdf", "/api/v1/centres/" + id + "/statements/draft.pdf?period=" + p.label() + "&creditor="
                        + s.creditor().organisationNumber() + "&debtor=" + s.debtor().organisationNumber());
                rows.add(m);
            }
            model.put("invoices", rows);
            model.put("transfers", drafts.transfers().size());
        } catch (Refusal e) {
            model.put("centreName", centreName(id));
            model.put("invoices", List.of());
            model.put("transfers", 0);
            if (errors.isEmpty()) {
                model.put("errors", List.of(Pages.error("utfarda", refusal(e))));
            }
        }
        return model;
    }

    private Map<String, Object> row(StatementRow r, boolean credited) {
        Map<String, Object> m = new LinkedHashMap<>();
        String base = "/api/v1/statements/" + r.id();
        StatementStatus status = StatementStatus.of(r.kind(), credited);
        m.put("id", r.id());
        m.put("number", r.number());
        m.put("quarter", new Period(r.periodFrom(), r.periodTo()).label());
        m.put("kind", r.kind() == se.familycentre.invoicing.StatementKind.CREDIT ? "Kreditnota" : "Faktureringsunderlag");
        m.put("status", switch (status) {
            case ISSUED -> "Utfärdat";
            case CREDITED -> "Krediterat";
            case CREDIT -> "Kreditnota";
            case DRAFT -> "Utkast";
        });
        m.put("creditable", status == StatementStatus.ISSUED);
        m.put("issuedOn", SwedishFormat.date(r.issuedOn()));
        se.familycentre.statement.Statement content = pdfs.document(r).statement();
        m.put("creditor", content.creditor().name() + " (" + r.creditor() + ")");
        m.put("debtor", content.debtor().name() + " (" + r.debtor() + ")");
        m.put("amount", SwedishFormat.amount(r.total()));
        m.put("pdf", base + ".pdf");
        m.put("csv", base + ".csv");
        m.put("xml", r.creditor().equals(r.debtor()) ? null : base + ".xml");
        return m;
    }

    /** The quarter's files of each of the person's entities that is a party to a statement shown. */
    private List<Map<String, String>> entityFiles(Actor actor, List<StatementRow> rows, Period p) {
        Set<String> mine = scope.organisationNumbers(actor);
        Set<String> parties = new LinkedHashSet<>();
        rows.forEach(r -> {
            parties.add(r.creditor());
            parties.add(r.debtor());
        });
        return parties.stream().filter(o -> actor.isAdmin() || mine.contains(o)).sorted().map(o -> {
            String base = "/api/v1/entities/" + o;
            return Map.of("entity", o, "sie", base + "/sie?period=" + p.label(),
                    "csv", base + "/statements.csv?period=" + p.label(),
                    "zip", base + "/statements.zip?period=" + p.label());
        }).toList();
    }

    private Map<String, Object> creditModel(Actor actor, StatementRow r, String reason, List<Map<String, String>> errors) {
        Map<String, Object> model = Pages.model(actor, "Kreditera " + r.number());
        model.put("errors", errors);
        model.put("statement", row(r, false));
        model.put("centreId", r.centreId());
        model.put("centreName", r.centreName());
        model.put("reason", reason);
        return model;
    }

    /** An issued invoice statement the person may credit; empty when out of scope or role. */
    private Optional<StatementRow> creditable(Actor actor, long sid) {
        return statements.findById(sid).filter(r -> actor.mayIssue() && readsStatements(actor)
                && scope.seesStatement(actor, r.creditor(), r.debtor()));
    }

    private Optional<HttpResponse<?>> issuerOf(Actor actor, long id) {
        if (!scope.seesCentre(actor, id) || !readsStatements(actor) || !actor.mayIssue()) {
            return Optional.of(notFound(actor));
        }
        return Optional.empty();
    }

    private static boolean readsStatements(Actor actor) {
        return actor.isAdmin() || actor.has(Role.FINANCE);
    }

    private String centreName(long id) {
        return store.document(id).centre().name();
    }

    private static Optional<Period> quarter(String label) {
        try {
            return Optional.of(Period.ofQuarter(label));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static HttpResponse<?> notFound(Actor actor) {
        return HttpResponse.status(HttpStatus.NOT_FOUND)
                .body(new ModelAndView<>("notfound", Pages.model(actor, "Hittades inte")));
    }

    private static HttpResponse<?> badQuarter(Actor actor) {
        Map<String, Object> model = Pages.model(actor, "Felaktigt kvartal");
        model.put("errors", List.of(Pages.error("kvartal", "Ange kvartalet som ÅÅÅÅ-Qn, till exempel 2025-Q1.")));
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("notfound", model));
    }

    /** A refusal of issuing or crediting, in Swedish. */
    static String refusal(RuntimeException e) {
        if (e instanceof InvoicingRefusal.AlreadyIssued a) {
            return "Kvartalet är redan utfärdat (" + String.join(", ", a.numbers())
                    + "). Kreditera underlagen först för att utfärda det igen.";
        }
        if (e instanceof InvoicingRefusal.NothingToInvoice) {
            return "Ingen organisation är skyldig någon annan något för kvartalet; det finns inget att utfärda.";
        }
        if (e instanceof InvoicingRefusal.AlreadyCredited) {
            return "Underlaget är redan krediterat.";
        }
        if (e instanceof InvoicingRefusal.NotCreditable) {
            return "En kreditnota kan inte själv krediteras.";
        }
        if (e instanceof InvoicingRefusal.KeyInProgress) {
            return "Utfärdandet pågår redan; ladda om sidan om en stund.";
        }
        if (e instanceof Refusal.RefusedByRules r) {
            return "Kvartalet kan inte beräknas: " + r.errors().stream().map(v -> v.field() + ": " + v.reason())
                    .reduce((a, b) -> a + "; " + b).orElse(e.getMessage());
        }
        return "Det gick inte: " + e.getMessage();
    }
}
