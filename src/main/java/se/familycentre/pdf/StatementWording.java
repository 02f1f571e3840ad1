package se.familycentre.pdf;

import se.familycentre.statement.SwedishTerms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.familycentre.allocation.Pool;
import se.familycentre.statement.Party;
import se.familycentre.statement.Statement;
import se.familycentre.statement.StatementDocument;
import se.familycentre.statement.StatementLine;

/**
 * Every Swedish text of one printed statement: titles, labels, the parties'
 * blocks, the names of lines, services and pools, and the footnotes. What it
 * says depends on the kind of document (draft, invoice, credit) and on whether
 * the statement is internal (an omföringsunderlag). Nothing here knows where
 * or in what size a text is drawn; the layout asks for the words.
 */
final class StatementWording {

    /** The mark of a draft, in the info box and across every page. */
    static final String DRAFT_MARK = "UTKAST";
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

    boolean draft() {
        return doc.kind() == StatementDocument.Kind.DRAFT;
    }

    String title() {
        if (st.internal()) {
            return credit() ? "Omföringsunderlag – kreditering" : "Omföringsunderlag";
        }
        return credit() ? "Kreditfaktura – fakturaunderlag" : "Fakturaunderlag";
    }

    /** The short name of the document on every page: title and number, or UTKAST. */
    String identification() {
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

    String runningHeadRight() {
        return st.centre() + " · " + periodLabel();
    }

    String footerLeft() {
        return identification() + " · " + partyName(st.creditor()) + " → " + partyName(st.debtor());
    }

    String pageOf(int page, int pages) {
        return "Sida " + page + " av " + pages;
    }

    /** The lines under the title: what a credit credits, what an issue replaces, that a transfer is internal. */
    List<String> subtitles() {
        List<String> subs = new ArrayList<>();
        String noun = st.internal() ? "omföringsunderlag" : "fakturaunderlag";
        if (credit()) {
            subs.add("Krediterar " + noun + " " + doc.creditsNumber() + " av "
                    + SwedishFormat.date(doc.creditsIssuedOn()));
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

    /** The notes under the total, one sentence group each, unbroken. */
    List<String> footnotes() {
        List<String> notes = new ArrayList<>();
        String agreement = blank(doc.basis()) ? StatementDocument.AGREEMENT : doc.basis().trim();
        if (agreement.endsWith(".")) {
            agreement = agreement.substring(0, agreement.length() - 1);
        }
        notes.add("Fördelning enligt " + agreement + ". Belopp i svenska kronor.");
        notes.add("Radens total avser hela perioden; andelarna summerar till radens total. "
                + "Betalarens egen andel faktureras inte.");
        if (draft()) {
            notes.add("Utkast: underlaget är inte utfärdat och får inte bokföras eller betalas.");
        } else if (st.internal()) {
            notes.add("Omföringen avser kostnader mellan verksamheter inom samma juridiska person och faktureras inte.");
        } else if (credit()) {
            notes.add("Krediteringen upphäver fakturaunderlag " + doc.creditsNumber() + " av "
                    + SwedishFormat.date(doc.creditsIssuedOn()) + " i sin helhet.");
        } else {
            notes.add("Betalningsvillkor " + SwedishFormat.paymentTerms(st.creditor().paymentTermsDays())
                    + ". Ange nummer " + doc.number() + " vid betalning.");
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
