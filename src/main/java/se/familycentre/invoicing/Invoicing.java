package se.familycentre.invoicing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.AllocationOutcome;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.Allocations;
import se.familycentre.centre.AuditLog;
import se.familycentre.centre.CentreStore;
import se.familycentre.centre.EntityRegistry;
import se.familycentre.centre.Refusal;
import se.familycentre.format.CentreDocument;
import se.familycentre.format.CentreProfile;
import se.familycentre.format.CentreReader;
import se.familycentre.statement.Party;
import se.familycentre.statement.Statement;
import se.familycentre.statement.StatementBuilder;

/**
 * Drafts, issuing and crediting of statements (RULES §5). Issuing computes
 * everything first, then takes numbers and writes the rows in one short
 * transaction; PDFs are rendered after, from the stored content.
 */
@Singleton
public class Invoicing {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final CentreStore store;
    private final Allocations allocator;
    private final StatementRepository statements;
    private final NumberSeries series;
    private final JdbcOperations jdbc;
    private final StatementArchive archive;
    private final AuditLog audit;
    private final IssuedDays days;
    private final Clock clock;
    private final EntityRegistry registry;

    public Invoicing(CentreStore store, Allocations allocator, StatementRepository statements, NumberSeries series,
                     JdbcOperations jdbc, StatementArchive archive, AuditLog audit, IssuedDays days,
                     EntityRegistry registry) {
        this.registry = registry;
        this.store = store;
        this.allocator = allocator;
        this.statements = statements;
        this.series = series;
        this.jdbc = jdbc;
        this.archive = archive;
        this.audit = audit;
        this.days = days;
        this.clock = Clock.system(SWEDEN);
    }

    /** The statements a period would give, and each entity's internal transfers, computed now. */
    public record Drafts(CentreDocument document, Period period, List<Statement> invoices, List<Statement> transfers) {

        /** Every service of the centre, as statements name them. */
        public List<Statement.ServiceRef> centreServices() {
            return document.centre().services().stream().map(s -> new Statement.ServiceRef(s.id(), s.type().name(),
                    s.name(), document.costReferences().get(s.id()))).toList();
        }

        /** What the statements' footnote cites. */
        public String basis() {
            return StatementArchive.basis(document.profile() == null ? null : document.profile().agreementReference());
        }
    }

    @Transactional
    public Drafts drafts(long centreId, Period period) {
        CentreDocument doc = store.document(centreId);
        AllocationOutcome outcome = allocator.allocate(doc.centre(), period);
        if (outcome instanceof AllocationOutcome.Refused refused) {
            throw new Refusal.RefusedByRules(CentreReader.inRequest(refused.violations()));
        }
        Allocation allocation = ((AllocationOutcome.Allocated) outcome).allocation();
        List<Statement> all = StatementBuilder.build(allocation, doc.centre(), parties(doc), doc.costReferences());
        return new Drafts(doc, period, all.stream().filter(s -> !s.internal()).toList(),
                all.stream().filter(Statement::internal).toList());
    }

    /**
     * The centre's entities as its statements print them: the registry's address, terms and invoicing
     * data, and this centre's buyer reference (before the entity's own reference) and cost centre.
     */
    private Map<String, Party> parties(CentreDocument doc) {
        Map<String, Party> parties = new LinkedHashMap<>();
        CentreProfile profile = doc.profile() == null ? CentreProfile.NONE : doc.profile();
        for (LegalEntity e : doc.centre().entities()) {
            String orgNo = OrganisationNumber.normalise(e.organisationNumber());
            CentreDocument.EntityDetails d = doc.detailsOf(e.organisationNumber());
            CentreProfile.PartyReference ref = profile.referencesOf(orgNo);
            String reference = ref.buyerReference() != null ? ref.buyerReference() : d.invoiceReference();
            parties.put(orgNo, new Party(orgNo, e.name(), d.invoiceAddress(), reference, d.paymentTerms(),
                    ref.costCentre(), registry.invoicingOf(orgNo)));
        }
        return parties;
    }

    /** The issued rows of a centre whose periods overlap the period, read together. */
    @Transactional
    public StatementLedger ledger(long centreId, Period period) {
        return StatementLedger.of(statements.findByCentreIdAndPeriodFromLessThanEqualsAndPeriodToGreaterThanEqualsOrderById(
                centreId, period.to(), period.from()));
    }

    /**
     * Issues every statement of the centre and period at once.
     *
     * @throws InvoicingRefusal.AlreadyIssued while statements of an overlapping period stand
     * @throws InvoicingRefusal.NothingToInvoice when no entity owes another
     */
    @Transactional
    public List<StatementRow> issue(long centreId, Period period) {
        return issueWithin(centreId, period);
    }

    /**
     * The issue itself, in the transaction the caller holds open (the quarterly run writes its item in
     * the same one). The centre row is locked first, so issuers of one centre take turns; the days the
     * period claims ({@link IssuedDays}) make a second standing issue of any day impossible even so.
     */
    List<StatementRow> issueWithin(long centreId, Period period) {
        lockCentre(centreId);
        StatementLedger ledger = ledger(centreId, period);
        List<StatementRow> standing = ledger.standing();
        if (!standing.isEmpty()) {
            throw alreadyIssued(centreId, period, standing);
        }
        Drafts drafts = drafts(centreId, period);
        if (drafts.invoices().isEmpty()) {
            throw new InvoicingRefusal.NothingToInvoice("nothing to invoice for " + period.label()
                    + ": no entity owes another (internal transfers are never invoiced)");
        }
        try {
            days.claim(centreId, period);
        } catch (IssuedDays.Claimed e) {
            throw alreadyIssued(centreId, period, standing);
        }
        Map<String, List<String>> replaced = ledger.replaceable();
        String inputs = archive.writeInputs(period, drafts.document());
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        List<Statement> invoices = drafts.invoices();
        List<String> contents = invoices.stream()
                .map(s -> archive.writeContent(ArchivedStatement.of(s, drafts.centreServices(), drafts.basis()))).toList();
        String[] numbers = numbers(invoices, today.getYear());
        List<StatementRow> issued = new ArrayList<>();
        for (int i = 0; i < invoices.size(); i++) {
            Statement s = invoices.get(i);
            List<String> replaces = replaced.getOrDefault(
                    StatementLedger.pair(s.creditor().organisationNumber(), s.debtor().organisationNumber()), List.of());
            issued.add(statements.save(new StatementRow(null, numbers[i], StatementKind.INVOICE,
                    s.creditor().organisationNumber(), s.debtor().organisationNumber(), centreId, s.centre(),
                    period.from(), period.to(), today, now, Sek.decimal(s.total()), null,
                    replaces.isEmpty() ? null : String.join(",", replaces), contents.get(i), inputs)));
        }
        audit.record("ISSUE", "statements", centreId + "/" + period.label(), centreId,
                String.join(", ", issued.stream().map(StatementRow::number).toList()));
        return issued;
    }

    private static InvoicingRefusal.AlreadyIssued alreadyIssued(long centreId, Period period, List<StatementRow> standing) {
        return new InvoicingRefusal.AlreadyIssued("the period " + period.label() + " of centre " + centreId
                + " overlaps a period whose statements stand; credit them to issue it again",
                standing.stream().map(r -> new Violation("statement " + r.number(), "issued " + r.issuedOn()
                        + " for " + new Period(r.periodFrom(), r.periodTo()).label() + " by " + r.creditor()
                        + " to " + r.debtor())).toList(), standing.stream().map(StatementRow::number).toList());
    }

    /**
     * Numbers last: the series rows stay locked only for the inserts that follow. They are taken
     * creditor by creditor in one fixed order (organisationsnummer), so two issuers whose centres list
     * the entities in other orders never wait for each other's series (a deadlock).
     */
    private String[] numbers(List<Statement> invoices, int year) {
        String[] numbers = new String[invoices.size()];
        IntStream.range(0, invoices.size()).boxed()
                .sorted(Comparator.comparing(i -> invoices.get(i).creditor().organisationNumber()))
                .forEach(i -> numbers[i] = series.next(invoices.get(i).creditor().organisationNumber(), year));
        return numbers;
    }

    /**
     * The numbers the invoices would get if they were issued now, in the order issuing takes them
     * (creditor by creditor, each creditor's invoices in their order). A preview for a confirmation:
     * nothing is reserved, so an issuer in between moves them on.
     */
    @Transactional
    public List<String> nextNumbers(List<Statement> invoices) {
        int year = LocalDate.now(clock).getYear();
        Map<String, Integer> last = new java.util.HashMap<>();
        List<String> numbers = new ArrayList<>();
        for (Statement s : invoices) {
            String creditor = s.creditor().organisationNumber();
            int n = last.computeIfAbsent(creditor, c -> series.last(c, year)) + 1;
            last.put(creditor, n);
            numbers.add(NumberSeries.label(year, n));
        }
        return numbers;
    }

    /** A credit statement negating the original's shares, citing its number and date (RULES §5). */
    @Transactional
    public StatementRow credit(long statementId) {
        return credit(statementId, null);
    }

    /**
     * A credit statement negating the original's shares, citing its number and date (RULES §5), with
     * the reason it was made, which the credit statement prints.
     *
     * @param reason why the statement is credited; null when none was given
     */
    @Transactional
    public StatementRow credit(long statementId, String reason) {
        StatementRow original = statements.findById(statementId)
                .orElseThrow(() -> new Refusal.NotFound("statement " + statementId));
        if (original.kind() == StatementKind.CREDIT) {
            throw new InvoicingRefusal.NotCreditable("statement " + original.number()
                    + " is itself a credit statement and cannot be credited");
        }
        lockCentre(original.centreId());
        statements.findByCreditsId(statementId).ifPresent(c -> {
            throw new InvoicingRefusal.AlreadyCredited("statement " + original.number() + " is already credited by "
                    + c.number(), List.of(new Violation("id", "credited by " + c.number() + " on " + c.issuedOn())));
        });
        ArchivedStatement content = archive.readContent(original.content());
        Statement negated = StatementBuilder.negated(content.toStatement());
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        StatementRow credit = statements.save(new StatementRow(null, series.next(original.creditor(), today.getYear()),
                StatementKind.CREDIT, original.creditor(), original.debtor(), original.centreId(), original.centreName(),
                original.periodFrom(), original.periodTo(), today, now,
                Sek.decimal(negated.total()), original.id(), null,
                archive.writeContent(ArchivedStatement.of(negated, content.centreServiceRefs(),
                        archive.basisOf(content, original.inputs()), reason)), original.inputs()));
        Period period = new Period(original.periodFrom(), original.periodTo());
        if (ledger(original.centreId(), period).standing().stream()
                .noneMatch(r -> r.periodFrom().equals(period.from()) && r.periodTo().equals(period.to()))) {
            days.release(original.centreId(), period, ledger(original.centreId(), period).standing());
        }
        audit.record("CREDIT", "statement", String.valueOf(original.id()), original.centreId(),
                credit.number() + " credits " + original.number() + (reason == null ? "" : ": " + reason));
        return credit;
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
            throw new Refusal.NotFound("centre " + centreId);
        }
    }
}
