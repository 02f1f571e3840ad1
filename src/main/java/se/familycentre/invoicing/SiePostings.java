package se.familycentre.invoicing;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.familycentre.allocation.Period;
import se.familycentre.centre.EntityRegistry;
import se.familycentre.centre.LegalEntityRepository;
import se.familycentre.centre.LegalEntityRow;
import se.familycentre.centre.Refusal;
import se.familycentre.sie.SieAccount;
import se.familycentre.sie.SieCostCentre;
import se.familycentre.sie.SieHeader;
import se.familycentre.sie.SieTransaction;
import se.familycentre.sie.SieVoucher;
import se.familycentre.sie.SieWriter;
import se.familycentre.statement.EntityInvoicing;
import se.familycentre.statement.Statement;
import se.familycentre.statement.Vat;

/**
 * An entity's postings of a period as an SIE 4I file its ledger imports (issue 10): one voucher per
 * issued statement (and credit statement) where the entity is creditor or debtor, and one per
 * centre for its internal transfers. The creditor books its receivable against revenue and output
 * VAT; the debtor its cost and input VAT against the payable; an internal transfer moves cost to
 * the service that bears it, balanced within the entity. The cost centre (dimension 1) is the
 * family centre. Accounts are the entity's (BAS defaults unless it changed them).
 */
@Singleton
public class SiePostings {

    static final String PROGRAM = "Familjecentralens kostnadsfördelning";
    static final String SERIES = "FC";
    private static final Map<String, String> ACCOUNT_NAMES = Map.ofEntries(
            Map.entry("1510", "Kundfordringar"), Map.entry("2440", "Leverantörsskulder"),
            Map.entry("2611", "Utgående moms, 25 %"), Map.entry("2641", "Debiterad ingående moms"),
            Map.entry("3041", "Försäljning tjänster, 25 % moms"), Map.entry("3590", "Övriga fakturerade kostnader"),
            Map.entry("3990", "Övriga ersättningar och intäkter"), Map.entry("4010", "Inköp av varor och tjänster"),
            Map.entry("4990", "Övriga kostnader för verksamheten"), Map.entry("6990", "Övriga externa kostnader"));

    private final EntityExports exports;
    private final LegalEntityRepository entities;
    private final EntityRegistry registry;
    private final Invoicing invoicing;
    private final PdfArchive pdfs;

    public SiePostings(EntityExports exports, LegalEntityRepository entities, EntityRegistry registry,
                       Invoicing invoicing, PdfArchive pdfs) {
        this.pdfs = pdfs;
        this.exports = exports;
        this.entities = entities;
        this.registry = registry;
        this.invoicing = invoicing;
    }

    /** The SIE 4I file of the entity's statements whose periods lie within the period. */
    public byte[] file(String organisationNumber, Period period) {
        LegalEntityRow entity = entities.findByOrganisationNumber(organisationNumber)
                .orElseThrow(() -> new Refusal.NotFound("legal entity " + organisationNumber));
        EntityInvoicing own = registry.invoicingOf(entity.id());
        List<StatementRow> rows = exports.statementsOf(organisationNumber, period);
        List<SieVoucher> vouchers = new ArrayList<>();
        Set<String> periods = new LinkedHashSet<>();
        for (StatementRow r : rows) {
            SieCostCentre centre = new SieCostCentre(String.valueOf(r.centreId()), r.centreName());
            boolean credit = r.kind() == StatementKind.CREDIT;
            String what = (credit ? "Kreditnota " : "Fakturaunderlag ") + r.number() + " " + r.centreName() + " "
                    + r.periodFrom() + " - " + r.periodTo();
            // the VAT the statement was issued with (its creditor's treatment then), as its PDF and e-invoice show it
            BigDecimal net = r.total();
            BigDecimal vat = Vat.of(pdfs.document(r).statement());
            List<SieTransaction> t = new ArrayList<>();
            if (r.creditor().equals(organisationNumber)) {
                t.add(new SieTransaction(account(own, "receivable"), null, net.add(vat), null, r.debtor()));
                t.add(new SieTransaction(account(own, "revenue"), centre, net.negate()));
                if (vat.signum() != 0) {
                    t.add(new SieTransaction(account(own, "vatOutput"), null, vat.negate()));
                }
            } else {
                t.add(new SieTransaction(account(own, "cost"), centre, net));
                if (vat.signum() != 0) {
                    t.add(new SieTransaction(account(own, "vatInput"), null, vat));
                }
                t.add(new SieTransaction(account(own, "payable"), null, net.add(vat).negate(), null, r.creditor()));
            }
            vouchers.add(new SieVoucher(SERIES, "", r.issuedOn(), what, t));
            periods.add(r.centreId() + " " + r.periodFrom() + " " + r.periodTo());
        }
        for (String key : periods) {
            String[] p = key.split(" ");
            long centreId = Long.parseLong(p[0]);
            Period issued = new Period(LocalDate.parse(p[1]), LocalDate.parse(p[2]));
            for (Statement s : invoicing.drafts(centreId, issued).transfers()) {
                if (!s.creditor().organisationNumber().equals(organisationNumber) || s.total().isZero()) {
                    continue;
                }
                BigDecimal amount = se.familycentre.allocation.Sek.decimal(s.total());
                SieCostCentre centre = new SieCostCentre(String.valueOf(centreId), s.centre());
                vouchers.add(new SieVoucher(SERIES, "", issued.to(), "Omföring " + s.centre() + " " + issued.from()
                        + " - " + issued.to(), List.of(
                        new SieTransaction(account(own, "cost"), centre, amount, null, "bärs av mottagande verksamhet"),
                        new SieTransaction(account(own, "revenue"), centre, amount.negate(), null,
                                "betald av betalande verksamhet"))));
            }
        }
        SieHeader header = new SieHeader(PROGRAM, "1.0", LocalDate.now(ZoneId.of("Europe/Stockholm")),
                entity.name(), organisationNumber, "Kostnadsfördelning familjecentraler " + period.from() + " - "
                + period.to());
        return new SieWriter().write(header, vouchers);
    }

    private static SieAccount account(EntityInvoicing i, String role) {
        String number = i.accounts().get(role);
        return new SieAccount(Integer.parseInt(number), ACCOUNT_NAMES.getOrDefault(number, "Konto " + number));
    }
}
