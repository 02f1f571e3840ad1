package se.familycentre.invoicing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.AllocationOutcome;
import se.familycentre.allocation.Allocator;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.AuditLog;
import se.familycentre.centre.CentreStore;
import se.familycentre.statement.Party;
import se.familycentre.statement.Statement;
import se.familycentre.statement.StatementBuilder;
import se.familycentre.web.api.CentreDocument;
import se.familycentre.web.api.CentreFormat;
import se.familycentre.web.api.CentreWriter;
import se.familycentre.web.api.ProblemException;
import se.familycentre.web.api.Problems;

/**
 * Drafts, issuing and crediting of statements (RULES §5). Issuing computes
 * everything first, then takes numbers and writes the rows in one short
 * transaction; PDFs are rendered after, from the stored content.
 */
@Singleton
public class Invoicing {

    public static final String INVOICE = "INVOICE";
    public static final String CREDIT = "CREDIT";
    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final CentreStore store;
    private final Allocator allocator;
    private final StatementRepository statements;
    private final NumberSeries series;
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;

    public Invoicing(CentreStore store, Allocator allocator, StatementRepository statements, NumberSeries series,
                     JdbcOperations jdbc, JsonMapper json, AuditLog audit) {
        this.store = store;
        this.allocator = allocator;
        this.statements = statements;
        this.series = series;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = Clock.system(SWEDEN);
    }

    /** The statements a period would give, and each entity's internal transfers, computed now. */
    public record Drafts(CentreDocument document, Period period, List<Statement> invoices, List<Statement> transfers) {
    }

    @Transactional
    public Drafts drafts(long centreId, Period period) {
        CentreDocument doc = store.document(centreId);
        AllocationOutcome outcome = allocator.allocate(doc.centre(), period);
        if (outcome instanceof AllocationOutcome.Refused refused) {
            throw ProblemException.invalid(CentreFormat.inRequest(refused.violations()));
        }
        Allocation allocation = ((AllocationOutcome.Allocated) outcome).allocation();
        List<Statement> all = StatementBuilder.build(allocation, doc.centre(), parties(doc), doc.costReferences());
        return new Drafts(doc, period, all.stream().filter(s -> !s.internal()).toList(),
                all.stream().filter(Statement::internal).toList());
    }

    private static Map<String, Party> parties(CentreDocument doc) {
        Map<String, Party> parties = new LinkedHashMap<>();
        for (LegalEntity e : doc.centre().entities()) {
            String orgNo = OrganisationNumber.normalise(e.organisationNumber());
            CentreDocument.EntityDetails d = doc.entityDetails().get(e.organisationNumber());
            parties.put(orgNo, new Party(orgNo, e.name(), d == null ? null : d.invoiceAddress(),
                    d == null ? null : d.invoiceReference(),
                    d == null || d.paymentTermsDays() == null ? 30 : d.paymentTermsDays()));
        }
        return parties;
    }

    /** The invoices of a centre and period that stand (issued and not credited). */
    @Transactional
    public List<StatementRow> standing(long centreId, Period period) {
        List<StatementRow> rows = statements.findByCentreIdAndPeriodFromAndPeriodToOrderById(centreId, period.from(), period.to());
        List<Long> credited = rows.stream().filter(r -> r.creditsId() != null).map(StatementRow::creditsId).toList();
        return rows.stream().filter(r -> INVOICE.equals(r.kind()) && !credited.contains(r.id())).toList();
    }

    /**
     * Issues every statement of the centre and period at once. Refused (409,
     * naming them) while earlier statements of the period stand.
     */
    @Transactional
    public List<StatementRow> issue(long centreId, Period period) {
        lockCentre(centreId);
        List<StatementRow> standing = standing(centreId, period);
        if (!standing.isEmpty()) {
            throw Problems.conflict("the period " + period.label() + " of centre " + centreId
                    + " is already issued; credit its statements to issue it again",
                    standing.stream().map(r -> new Violation("statement " + r.number(),
                            "issued " + r.issuedOn() + " by " + r.creditor() + " to " + r.debtor())).toList());
        }
        Drafts drafts = drafts(centreId, period);
        if (drafts.invoices().isEmpty()) {
            throw ProblemException.invalid(List.of(new Violation("period", "nothing to invoice for "
                    + period.label() + ": no entity owes another (internal transfers are never invoiced)")));
        }
        Map<String, List<String>> replaced = replaced(centreId, period);
        String inputs = write(Map.of("period", Map.of("from", period.from().toString(), "to", period.to().toString()),
                "centre", CentreWriter.document(drafts.document())));
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<StatementRow> issued = new ArrayList<>();
        // Numbers last: the series rows stay locked only for these inserts. They are taken creditor by
        // creditor in one fixed order (organisationsnummer), so two issuers whose centres list the
        // entities in other orders never wait for each other's series (a deadlock).
        List<Statement> invoices = drafts.invoices();
        String[] numbers = new String[invoices.size()];
        java.util.stream.IntStream.range(0, invoices.size()).boxed()
                .sorted(java.util.Comparator.comparing(i -> invoices.get(i).creditor().organisationNumber()))
                .forEach(i -> numbers[i] = series.next(invoices.get(i).creditor().organisationNumber(), today.getYear()));
        for (int i = 0; i < invoices.size(); i++) {
            Statement s = invoices.get(i);
            String pair = s.creditor().organisationNumber() + "|" + s.debtor().organisationNumber();
            List<String> replaces = replaced.getOrDefault(pair, List.of());
            StatementRow row = statements.save(new StatementRow(null,
                    numbers[i], INVOICE,
                    s.creditor().organisationNumber(), s.debtor().organisationNumber(), centreId, s.centre(),
                    period.from(), period.to(), today, now, Sek.decimal(s.total()), null,
                    replaces.isEmpty() ? null : String.join(",", replaces), write(StatementContent.of(s)), inputs));
            issued.add(row);
        }
        audit.record("ISSUE", "statements", centreId + "/" + period.label(), centreId,
                String.join(", ", issued.stream().map(StatementRow::number).toList()));
        return issued;
    }

    /** A credit statement negating the original's printed amounts, citing its number and date (RULES §5). */
    @Transactional
    public StatementRow credit(long statementId) {
        StatementRow original = statements.findById(statementId)
                .orElseThrow(() -> Problems.notFound("statement " + statementId));
        if (CREDIT.equals(original.kind())) {
            throw ProblemException.invalid(List.of(new Violation("id", "statement " + original.number()
                    + " is itself a credit statement and cannot be credited")));
        }
        lockCentre(original.centreId());
        statements.findByCreditsId(statementId).ifPresent(c -> {
            throw Problems.conflict("statement " + original.number() + " is already credited by " + c.number(),
                    List.of(new Violation("id", "credited by " + c.number() + " on " + c.issuedOn())));
        });
        Statement negated = StatementBuilder.negated(read(original.content()).toStatement());
        LocalDate today = LocalDate.now(clock);
        StatementRow credit = statements.save(new StatementRow(null, series.next(original.creditor(), today.getYear()),
                CREDIT, original.creditor(), original.debtor(), original.centreId(), original.centreName(),
                original.periodFrom(), original.periodTo(), today, OffsetDateTime.now(clock),
                Sek.decimal(negated.total()), original.id(), null, write(StatementContent.of(negated)), original.inputs()));
        audit.record("CREDIT", "statement", String.valueOf(original.id()), original.centreId(),
                credit.number() + " credits " + original.number());
        return credit;
    }

    /** For each creditor and debtor, the credited invoices of the period that a new issue replaces. */
    private Map<String, List<String>> replaced(long centreId, Period period) {
        List<StatementRow> rows = statements.findByCentreIdAndPeriodFromAndPeriodToOrderById(centreId, period.from(), period.to());
        List<Long> credited = rows.stream().filter(r -> r.creditsId() != null).map(StatementRow::creditsId).toList();
        Map<String, List<String>> replaced = new LinkedHashMap<>();
        for (StatementRow r : rows) {
            if (INVOICE.equals(r.kind()) && credited.contains(r.id()) && !isReplaced(rows, r.number())) {
                replaced.computeIfAbsent(r.creditor() + "|" + r.debtor(), k -> new ArrayList<>()).add(r.number());
            }
        }
        return replaced;
    }

    private static boolean isReplaced(List<StatementRow> rows, String number) {
        return rows.stream().anyMatch(r -> r.replaces() != null && List.of(r.replaces().split(",")).contains(number));
    }

    /** Serialises issuing per centre across instances: the centre row is locked until the transaction ends. */
    private void lockCentre(long centreId) {
        boolean exists = jdbc.prepareStatement("SELECT id FROM centre WHERE id = ? FOR UPDATE", ps -> {
            ps.setLong(1, centreId);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        if (!exists) {
            throw Problems.notFound("centre " + centreId);
        }
    }

    public StatementContent readContent(StatementRow row) {
        return read(row.content());
    }

    StatementContent read(String content) {
        try {
            return json.readValue(content, StatementContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> readMap(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
