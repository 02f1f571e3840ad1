package se.familycentre.einvoice

import java.time.LocalDate
import se.familycentre.allocation.AllocationOutcome
import se.familycentre.allocation.Allocator
import se.familycentre.allocation.Sek
import se.familycentre.allocation.WorkedExamples
import se.familycentre.statement.EntityInvoicing
import se.familycentre.statement.EntityInvoicing.VatTreatment
import se.familycentre.statement.Party
import se.familycentre.statement.Statement
import se.familycentre.statement.StatementBuilder
import se.familycentre.statement.StatementDocument
import se.familycentre.statement.StatementLine

/**
 * RULES §6 example A through the engine and the statement builder, as the PDF spec builds it, with
 * the parties' invoicing data chosen per case: the municipality (ÖF, SOC) is the creditor of
 * 111 592.85 to the region (BMM, BVC); the region the creditor of 1 309.52 (the alarm) to the
 * municipality; each entity's own transfers are internal.
 */
final class UblExamples {

    static final String REGION = '232100-0131'
    static final String MUNICIPALITY = '212000-1561'
    static final Map<String, String> COST_REFERENCES = [BMM: 'KST 4711 mödrahälsovård', BVC: 'KST 4712 barnhälsovård']
    static final LocalDate ISSUED = LocalDate.parse('2025-04-02')
    static final LocalDate CREDITED = LocalDate.parse('2025-04-20')
    static final String REASON_EXEMPT = 'Undantaget från skatteplikt enligt 3 kap. mervärdesskattelagen'

    private UblExamples() {
    }

    /** The invoicing data of a creditor: bankgiro, contact and the VAT treatment given. */
    static EntityInvoicing invoicing(VatTreatment treatment, Map overrides = [:]) {
        Map v = [bankgiro : '5050-1055', plusgiro: null, iban: null, bic: null,
                 vatNumber: treatment == VatTreatment.OUTSIDE_SCOPE ? null : 'SE212000156101',
                 vatReason: treatment == VatTreatment.EXEMPT ? REASON_EXEMPT : null,
                 contactName: 'Eva Lind', contactEmail: 'ekonomi@kommunen.example.se', contactPhone: '031-123 45 67',
                 peppolScheme: null, peppolId: null] + overrides
        new EntityInvoicing(v.bankgiro as String, v.plusgiro as String, v.iban as String, v.bic as String,
                v.vatNumber as String, treatment, v.vatReason as String, v.contactName as String,
                v.contactEmail as String, v.contactPhone as String, v.peppolScheme as String, v.peppolId as String, null)
    }

    static Map<String, Party> parties(EntityInvoicing municipality, EntityInvoicing region = null,
                                      String regionReference = 'Anna Ek') {
        [(REGION)      : new Party(REGION, 'Västra Götalandsregionen',
                'Fakturaadress (exempel)\nFE 000, Box 000\n405 00 Göteborg', regionReference, 30,
                'KST 100 familjecentraler', region),
         (MUNICIPALITY): new Party(MUNICIPALITY, 'Kommunen',
                 'Kommunhuset (exempel)\nStorgatan 1\n123 45 Exempelstad', 'Per Holm, förskoleförvaltningen', 30,
                 null, municipality)]
    }

    /** Example A's statements under these parties. */
    static List<Statement> statements(Map<String, Party> parties) {
        def request = WorkedExamples.request('example-a')
        def outcome = new Allocator().allocate(request.centre(), request.period())
        assert outcome instanceof AllocationOutcome.Allocated: outcome
        StatementBuilder.build((outcome as AllocationOutcome.Allocated).allocation(), request.centre(), parties,
                COST_REFERENCES)
    }

    static Statement between(List<Statement> statements, String creditor, String debtor) {
        def found = statements.find {
            it.creditor().organisationNumber() == creditor && it.debtor().organisationNumber() == debtor
        }
        assert found: "no statement from $creditor to $debtor"
        found
    }

    /** The region's debt of 111 592.85 to the municipality, the creditor taxing as given. */
    static Statement regionOwes(VatTreatment treatment, Map overrides = [:], String regionReference = 'Anna Ek') {
        between(statements(parties(invoicing(treatment, overrides), null, regionReference)), MUNICIPALITY, REGION)
    }

    static StatementDocument invoice(Statement s, String number = '2025-0001', List<String> replaces = []) {
        new StatementDocument(StatementDocument.Kind.INVOICE, number, ISSUED, s, null, null, replaces,
                StatementDocument.AGREEMENT, [])
    }

    static StatementDocument credit(Statement original, String number = '2025-0002', String credits = '2025-0001') {
        new StatementDocument(StatementDocument.Kind.CREDIT, number, CREDITED, StatementBuilder.negated(original),
                credits, ISSUED, [], StatementDocument.AGREEMENT, [])
    }

    static StatementDocument draft(Statement s) {
        new StatementDocument(StatementDocument.Kind.DRAFT, null, null, s, null, null, [], StatementDocument.AGREEMENT, [])
    }

    /** The statement with one line's share negated (a refund line) and the total adjusted. */
    static Statement withNegativeLine(Statement s, int index) {
        List<StatementLine> lines = new ArrayList<>(s.lines())
        StatementLine l = lines[index]
        lines[index] = new StatementLine(l.lineId(), l.lineName(), l.origin(), l.pool(), l.payerService(), l.lineTotal(),
                l.basis(), l.debtorService(), l.share().negate())
        BigDecimal total = lines.collect { Sek.decimal(it.share()) }.sum() as BigDecimal
        new Statement(s.centre(), s.period(), s.creditor(), s.debtor(), s.debtorServices(), s.creditorServices(), lines,
                s.sumsByPool(), Sek.sek(total))
    }
}
