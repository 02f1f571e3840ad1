package se.familycentre.pdf;

import se.familycentre.statement.SwedishFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.Fraction;
import se.familycentre.allocation.LineOrigin;
import se.familycentre.allocation.Periodicity;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.Sek;
import se.familycentre.statement.Accrual;
import se.familycentre.statement.EntityInvoicing;
import se.familycentre.statement.Party;
import se.familycentre.statement.PaymentReference;
import se.familycentre.statement.Statement;
import se.familycentre.statement.StatementDocument;
import se.familycentre.statement.StatementLine;
import se.familycentre.statement.SwedishTerms;
import se.familycentre.statement.Vat;

/**
 * Every Swedish text of one printed statement: titles, labels, the parties'
 * blocks, the names of lines, services and pools, and the footnotes. What it
 * says depends on the kind of document (draft, invoice, credit) and on whether
 * the statement is internal (an omföringsunderlag). Nothing here knows where
 * or in what size a text is drawn; the layout asks for the words.
 */
final class StatementWording implements PageWording {

    /** The mark of a draft, in the info box and across every page. */
    static final String DRAFT_MARK = PageWording.DRAFT_MARK;
    static final List<String> DRAFT_BOX_LINES = List.of("Ej utfärdat – inget nummer", "Får inte bokföras eller betalas");
    static final String CENTRE_LABEL = "Familjecentral";
    static final String PERIOD_LABEL = "Period";
    static final String SERVICES_HEADING = "Avser verksamheter";
    static final String TABLE_TEXT_HEADING = "Kostnadspost, verksamhet och fördelningsgrund";
    static final String TABLE_TOTAL_HEADING = "Radens total";
    static final String TABLE_SHARE_HEADING = "Andel";

    private final StatementDocument doc;
    private final Statement st;
    /** Every service by id: the centre's from the document, where the statement names one itself, as it names it. */
    private final Map<String, Statement.ServiceRef> services = new HashMap<>();
    private final Map<String, String> lineNames = new HashMap<>();
    private final BasisWording basis;

    StatementWording(StatementDocument doc) {
        this.doc = doc;
        this.st = doc.statement();
        doc.centreServices().forEach(s -> services.put(s.id(), s));
        st.creditorServices().forEach(s -> services.put(s.id(), s));
        st.debtorServices().forEach(s -> services.put(s.id(), s));
        nameLines();
        this.basis = new BasisWording(services, st.period());
    }

    boolean credit() {
        return doc.kind() == StatementDocument.Kind.CREDIT;
    }

    @Override
    public boolean draft() {
        return doc.kind() == StatementDocument.Kind.DRAFT;
    }

    String title() {
        if (st.internal()) {
            return credit() ? "Omföringsunderlag – kreditering" : "Omföringsunderlag";
        }
        return credit() ? "Kreditfaktura – fakturaunderlag" : "Fakturaunderlag";
    }

    /** The short name of the document on every page: title and number, or UTKAST. */
    @Override
    public String identification() {
        if (draft()) {
            return title() + " – " + DRAFT_MARK;
        }
        return title() + " " + doc.number();
    }

    String periodLabel() {
        String quarter = SwedishFormat.quarter(st.period());
        return quarter != null ? quarter : SwedishFormat.period(st.period());
    }

    /** The period in full, with its quarter when it is one. */
    String periodInFull() {
        String quarter = SwedishFormat.quarter(st.period());
        return SwedishFormat.period(st.period()) + (quarter == null ? "" : " (" + quarter + ")");
    }

    String documentTitle() {
        return identification() + " – " + st.centre() + " – " + periodLabel();
    }

    String documentSubject() {
        return title() + " från " + partyName(st.creditor()) + " till " + partyName(st.debtor());
    }

    @Override
    public String runningHeadRight() {
        return st.centre() + " · " + periodLabel();
    }

    @Override
    public String footerLeft() {
        return identification() + " · " + partyName(st.creditor()) + " → " + partyName(st.debtor());
    }

    @Override
    public String pageOf(int page, int pages) {
        return "Sida " + page + " av " + pages;
    }

    /** The lines under the title: what a credit credits, what an issue replaces, that a transfer is internal. */
    List<String> subtitles() {
        List<String> subs = new ArrayList<>();
        String noun = st.internal() ? "omföringsunderlag" : "fakturaunderlag";
        if (credit()) {
            subs.add("Krediterar " + noun + " " + doc.creditsNumber() + " av "
                    + SwedishFormat.date(doc.creditsIssuedOn()));
            subs.add("Orsak: " + (blank(doc.creditReason()) ? "ingen angiven" : doc.creditReason().trim()));
        }
        if (!doc.replaces().isEmpty()) {
            subs.add("Ersätter krediterat " + noun + " " + String.join(", ", doc.replaces()));
        }
        if (st.internal()) {
            subs.add("Intern omföring inom samma juridiska person.");
            subs.add("Underlaget faktureras inte.");
        }
        return subs;
    }

    /** Label and value of each row of the info box of an issued document. */
    List<String[]> infoRows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Nummer", doc.number()});
        rows.add(new String[] {"Datum", SwedishFormat.date(doc.issuedOn())});
        if (doc.kind() == StatementDocument.Kind.INVOICE && !st.internal()) {
            rows.add(new String[] {"Förfallodag", SwedishFormat.date(doc.dueOn())});
            rows.add(new String[] {"Betalningsvillkor", SwedishFormat.paymentTerms(st.creditor().paymentTermsDays())});
        }
        return rows;
    }

    /** The parties' block, left column then right. */
    List<PartyWording.Column> partyColumns() {
        return new PartyWording(st, this).columns();
    }

    String serviceName(String id) {
        Statement.ServiceRef ref = services.get(id);
        return ref == null || blank(ref.name()) ? id : ref.name();
    }

    String serviceWithType(Statement.ServiceRef ref) {
        String name = blank(ref.name()) ? ref.id() : ref.name();
        return name + " – " + SwedishFormat.serviceType(ref.type());
    }

    // ---- the table --------------------------------------------------------

    String poolHeading(Pool pool) {
        return SwedishFormat.pool(pool);
    }

    String poolContinued(Pool pool) {
        return SwedishFormat.pool(pool) + " (forts.)";
    }

    String poolSum(Pool pool) {
        return "Summa " + SwedishFormat.pool(pool);
    }

    String lineName(String lineId) {
        return lineNames.get(lineId);
    }

    /** Printed under a line only when the creditor has several paying services. */
    String paidBy(String payerService) {
        return "Betald av " + serviceName(payerService);
    }

    BasisWording.Basis basis(StatementLine line) {
        return basis.basis(line);
    }

    /** The first row of a debtor service's share: the whole basis when it is one item, else its heading. */
    String shareHeading(StatementLine line, BasisWording.Basis basis) {
        String label = serviceName(line.debtorService());
        if (basis.inline()) {
            return label + ": " + basis.items().get(0);
        }
        return label + (basis.note() == null ? "" : " (" + basis.note() + ")") + ":";
    }

    String totalLabel() {
        if (st.internal()) {
            return "Summa omföring";
        }
        return credit() ? "Att kreditera" : "Att betala";
    }

    // ---- VAT and payment ----------------------------------------------------

    private EntityInvoicing creditorInvoicing() {
        return st.creditor().invoicing();
    }

    /** The statement's VAT (RULES §5): 25 % of the net sum under {@code STANDARD}, else 0; none on a transfer. */
    BigDecimal vat() {
        return Vat.of(st);
    }

    /** What the debtor pays (or is credited): the net sum and its VAT. */
    BigDecimal gross() {
        return Sek.decimal(st.total()).add(vat());
    }

    /** The rows above the total of an invoice or credit: the net sum and the VAT with its rate. */
    List<String[]> vatRows() {
        if (st.internal()) {
            return List.of();
        }
        String rate = creditorInvoicing().vatTreatment() == EntityInvoicing.VatTreatment.STANDARD
                ? "Moms " + SwedishFormat.percent(Vat.STANDARD_RATE.movePointRight(2)) : "Moms 0" + SwedishFormat.NBSP + "%";
        return List.of(new String[] {"Summa exkl. moms", SwedishFormat.amount(st.total())},
                new String[] {rate, SwedishFormat.amount(vat())});
    }

    /** Why there is no VAT ({@code OUTSIDE_SCOPE}, {@code EXEMPT}); null under {@code STANDARD} and on a transfer. */
    String vatNote() {
        if (st.internal() || creditorInvoicing().vatTreatment() == EntityInvoicing.VatTreatment.STANDARD) {
            return null;
        }
        String text = creditorInvoicing().vatText();
        return blank(text) ? "Ingen moms." : "Ingen moms: " + text.trim() + (text.trim().endsWith(".") ? "" : ".");
    }

    /** The payment reference of an issued invoice or credit; null on a draft and a transfer. */
    String paymentReference() {
        return draft() || st.internal() ? null : PaymentReference.of(doc);
    }

    /**
     * The block that says how to pay an issued invoice: where (bankgiro, plusgiro, IBAN and BIC), the
     * reference that identifies the statement, and by when. On a credit, the reference alone. Empty on
     * a draft and a transfer.
     */
    List<String[]> paymentRows() {
        List<String[]> rows = new ArrayList<>();
        if (draft() || st.internal()) {
            return rows;
        }
        EntityInvoicing i = creditorInvoicing();
        if (!credit()) {
            if (!blank(i.bankgiro())) {
                rows.add(new String[] {"Bankgiro", i.bankgiro()});
            }
            if (!blank(i.plusgiro())) {
                rows.add(new String[] {"Plusgiro", i.plusgiro()});
            }
            if (!blank(i.iban())) {
                rows.add(new String[] {"IBAN", i.iban() + (blank(i.bic()) ? "" : "   BIC " + i.bic())});
            }
            if (rows.isEmpty()) {
                rows.add(new String[] {"Betalning", "enligt överenskommelse med " + partyName(st.creditor())});
            }
            rows.add(new String[] {"Förfallodag", SwedishFormat.date(doc.dueOn())});
        }
        rows.add(new String[] {credit() ? "Referens" : "Ange vid betalning", paymentReference()});
        return rows;
    }

    String paymentHeading() {
        return credit() ? "Kreditering" : "Betalning";
    }

    // ---- how a line accrues -----------------------------------------------

    /**
     * How the line's total comes about, segment by segment, so a reader can redo it: the amount as
     * entered, per full month, times the months covered, the exact (unrounded) amount. Empty when the
     * statement does not know how the amounts were entered (archived before it was kept).
     */
    List<String> accrual(StatementLine line) {
        if (line.periodicity() == null || line.basis() == null || line.basis().isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        boolean dated = line.basis().size() > 1;
        Fraction sum = Fraction.ZERO;
        for (Allocation.Segment s : line.basis()) {
            Accrual a = Accrual.of(s, line.periodicity());
            sum = sum.add(a.exact());
            StringBuilder text = new StringBuilder();
            if (dated) {
                text.append(SwedishFormat.range(s.from(), s.to())).append(": ");
            }
            String area = rentArea(line, s);
            if (area != null) {
                text.append(area).append(" = ");
            }
            if (line.periodicity() == Periodicity.ONCE) {
                text.append("engångsbelopp ").append(exact(a.exact()));
            } else {
                text.append(exact(Fraction.of(s.amount()))).append(per(line.periodicity()));
                if (line.periodicity() != Periodicity.MONTH) {
                    text.append(" = ").append(exact(a.perMonth())).append("/mån");
                }
                text.append(" × ").append(months(a));
                Allocation.IndexFactor index = s.indexation();
                if (index != null && index.applies()) {
                    text.append(" = ").append(exact(a.beforeIndex())).append(" × ").append(factor(index.factor()))
                            .append(" (").append(index(index)).append(')');
                }
                text.append(" = ").append(exact(a.exact()));
            }
            items.add(text.toString());
        }
        List<String> result = new ArrayList<>(items);
        if (items.size() > 1) {
            result.add("Summa " + exact(sum) + " = radens total " + SwedishFormat.amount(line.lineTotal())
                    + " avrundat");
        }
        return result;
    }

    /** For a dedicated room's rent (annex 2): "60,0 m² à 1 450,00 kr/m² och år"; else null. */
    private String rentArea(StatementLine line, Allocation.Segment s) {
        BigDecimal rate = st.rentPerSquareMetreYear();
        if (line.origin() != LineOrigin.DEDICATED_RENT || rate == null || rate.signum() == 0) {
            return null;
        }
        BigDecimal area = Accrual.exactDecimal(Fraction.of(s.amount()).divide(Fraction.of(rate)), 4);
        return area == null ? null : SwedishFormat.decimal1(area) + SwedishFormat.NBSP + "m² à "
                + rentRate() + " och år";
    }

    private String rentRate() {
        return SwedishFormat.number(st.rentPerSquareMetreYear()) + SwedishFormat.NBSP + "kr/m²";
    }

    private static String per(Periodicity p) {
        return switch (p) {
            case MONTH -> "/mån";
            case QUARTER -> "/kvartal";
            case YEAR -> "/år";
            case ONCE -> "";
        };
    }

    /** "3 mån", "17/31 mån", "2 mån + 17/31 mån". */
    private static String months(Accrual a) {
        List<String> parts = new ArrayList<>();
        if (a.wholeMonths() > 0 || a.partMonths().isEmpty()) {
            parts.add(a.wholeMonths() + "\u00A0mån");
        }
        for (Accrual.PartMonth m : a.partMonths()) {
            parts.add(m.days() + "/" + m.length() + "\u00A0mån");
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" + ", parts) + ")";
    }

    /**
     * The index factor's source (RULES §3): "KPI okt 2023 409,07 mot basår 2021 346,44: +18,08 %";
     * when only a share of the amount is indexed, what that makes of it ("; 50 % av beloppet
     * indexeras: +9,04 %"); when the floor held, that the amount stays at the base year's level.
     */
    static String index(Allocation.IndexFactor f) {
        Fraction base = Fraction.of(f.baseIndex());
        BigDecimal change = Fraction.of(f.index()).subtract(base).divide(base).multiply(Fraction.of(100))
                .toBigDecimal(2, java.math.RoundingMode.HALF_UP);
        StringBuilder b = new StringBuilder().append(f.series()).append(" okt ").append(f.indexYear()).append(' ')
                .append(SwedishFormat.asGiven(f.index())).append(" mot basår ").append(f.baseYear()).append(' ')
                .append(SwedishFormat.asGiven(f.baseIndex())).append(": ").append(signedPercent(change));
        if (f.floored()) {
            b.append("; golv: beloppet stannar på basårets nivå");
        } else if (f.share().compareTo(BigDecimal.valueOf(100)) != 0) {
            b.append("; ").append(SwedishFormat.percent(f.share())).append(" av beloppet indexeras: ")
                    .append(signedPercent(f.changePercent(2)));
        }
        return b.toString();
    }

    private static String signedPercent(BigDecimal p) {
        return (p.signum() >= 0 ? "+" : "") + SwedishFormat.asGiven(p) + SwedishFormat.NBSP + "%";
    }

    /** An index factor: all its decimals when they end within six, else six and "…". */
    private static String factor(Fraction value) {
        BigDecimal d = Accrual.exactDecimal(value, 6);
        return d == null ? SwedishFormat.asGiven(value.toBigDecimal(6, java.math.RoundingMode.DOWN)) + "…"
                : SwedishFormat.decimal(d);
    }

    /** An exact amount: at least two decimals, all of them when they end within four, else four and "…". */
    private static String exact(Fraction value) {
        BigDecimal d = Accrual.exactDecimal(value, 4);
        if (d == null) {
            return SwedishFormat.asGiven(value.toBigDecimal(4, java.math.RoundingMode.DOWN)) + "…" + SwedishFormat.NBSP
                    + "kr";
        }
        BigDecimal shown = d.stripTrailingZeros();
        return SwedishFormat.asGiven(shown.scale() < 2 ? shown.setScale(2) : shown) + SwedishFormat.NBSP + "kr";
    }

    /** The notes under the total, one sentence group each, unbroken. */
    List<String> footnotes() {
        List<String> notes = new ArrayList<>();
        String agreement = blank(doc.basis()) ? StatementDocument.AGREEMENT : doc.basis().trim();
        if (agreement.endsWith(".")) {
            agreement = agreement.substring(0, agreement.length() - 1);
        }
        notes.add("Fördelning enligt " + agreement + ". Belopp i svenska kronor.");
        if (st.lines().stream().anyMatch(l -> !accrual(l).isEmpty())) {
            notes.add("Periodisering per kalendermånad: belopp per hel månad × täckta månader (en delmånad räknas "
                    + "som dagar/dagar i månaden), exakt och oavrundat; radens total är summan avrundad en gång "
                    + "till hela ören.");
        }
        notes.add("Radens total är kostnadspostens belopp för hela perioden, för alla verksamheter som delar den. "
                + "Underlaget visar bara " + (st.internal() ? "de mottagande verksamheternas" : "mottagarens")
                + " andelar; övriga verksamheters andelar och betalarens egen andel står inte här och faktureras inte.");
        if (st.lines().stream().anyMatch(l -> l.origin() == LineOrigin.DEDICATED_RENT)) {
            notes.add("Hyra egna lokaler: ersättning för nyttjanderätt enligt lokalt nyttjanderättsavtal "
                    + "(bilaga 2 till samverkansavtalet, Mall för lokalt nyttjanderättsavtal)"
                    + (st.rentPerSquareMetreYear() == null ? "" : ", à " + rentRate() + " och år") + ".");
        }
        if (draft()) {
            notes.add("Utkast: underlaget är inte utfärdat och får inte bokföras eller betalas.");
        } else if (st.internal()) {
            notes.add("Omföringen avser kostnader mellan verksamheter inom samma juridiska person och faktureras inte.");
        } else if (credit()) {
            notes.add("Krediteringen upphäver fakturaunderlag " + doc.creditsNumber() + " av "
                    + SwedishFormat.date(doc.creditsIssuedOn()) + " i sin helhet.");
        } else {
            notes.add("Betalningsvillkor " + SwedishFormat.paymentTerms(st.creditor().paymentTermsDays())
                    + ". Ange betalningsreferensen " + paymentReference() + " vid betalning: numret "
                    + doc.number() + " ensamt kan förekomma hos flera fakturerande parter.");
        }
        return notes;
    }

    /**
     * Swedish names for the lines; generated lines keep the suffix the engine gave them (the coordinator's or
     * the service's name). Lines that would print alike get their id's first part added, so none is ambiguous.
     */
    private void nameLines() {
        lineNames.putAll(SwedishTerms.lineNames(st.lines()));
    }

    static String partyName(Party party) {
        return blank(party.name()) ? party.organisationNumber() : party.name();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
