package se.familycentre.statement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.Sek;

/**
 * A statement as the CSV Swedish finance staff open in Excel: UTF-8 with BOM,
 * semicolons, decimal comma, no thousands separator, an ASCII minus; one row per
 * share, in Swedish, the lines named as on the PDF ({@link SwedishTerms}). Text that a spreadsheet would run as a formula is neutralised
 * ({@link CsvCells#text}); amounts are written as numbers.
 *
 * <p>A file is written for one entity's books (its perspective): the counterparty and the account
 * are that entity's. As creditor it posts each share to its revenue account, as debtor to its cost
 * account. A statement taxed at 25 % gets one more row, its VAT, on the entity's VAT account
 * (output or input); so the share column adds up to what is paid, and nothing is counted twice.
 */
public final class StatementCsv {

    /**
     * The columns, in Swedish; one row per share. No column repeats an amount across rows (a line's
     * total would, so it is not here: the shares of a line add up to what its debtor owes).
     */
    static final String HEADER = "Nummer;Typ;Krediterar;Datum;Förfallodatum;Period;Från;Till;Familjecentral;"
            + "Säljare org.nr;Säljare;Mottagare org.nr;Mottagare;Verksamhet;Kostnadsställe;Bokförs hos;"
            + "Motpart org.nr;Motpart;Konto;Pool;Kostnadspost;Fördelningsgrund;Vikt;Moms;Andel";

    private StatementCsv() {
    }

    /** One statement, for the debtor's books (who posts the cost it is asked to pay). */
    public static byte[] write(StatementDocument document) {
        return write(List.of(document), document.statement().debtor().organisationNumber());
    }

    /**
     * Several statements in one file (an entity's quarter), for that entity's books: one header, their
     * rows in order.
     *
     * @param entity the organisationsnummer of the entity whose books the file is for
     */
    public static byte[] write(List<StatementDocument> documents, String entity) {
        StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (StatementDocument d : documents) {
            rows(out, d, entity);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void rows(StringBuilder out, StatementDocument d, String entity) {
        Statement s = d.statement();
        boolean asCreditor = s.creditor().organisationNumber().equals(entity);
        Party own = asCreditor ? s.creditor() : s.debtor();
        Party other = asCreditor ? s.debtor() : s.creditor();
        EntityInvoicing.VatTreatment treatment = s.creditor().invoicing().vatTreatment();
        String vatText = vatText(treatment, s.internal());
        String number = d.number();
        LocalDate issuedOn = d.issuedOn();
        Map<String, String> names = SwedishTerms.lineNames(s.lines());
        String kind = d.kind() == StatementDocument.Kind.CREDIT ? "kredit" : number == null ? "utkast" : "faktura";
        for (StatementLine line : s.lines()) {
            List<String> cells = head(d, kind);
            cells.add(text(serviceName(s, line.debtorService())));
            cells.add(text(costCentre(s, line.debtorService())));
            posting(cells, own, other, asCreditor ? "revenue" : "cost");
            cells.add(text(SwedishTerms.pool(line.pool())));
            cells.add(text(names.get(line.lineId())));
            cells.add(text(String.join(" + ", line.basis().stream().map(Allocation.Segment::rule)
                    .map(SwedishTerms::rule).distinct().toList())));
            cells.add(text(weights(line)));
            cells.add(text(vatText));
            cells.add(money(line.share()));
            out.append(String.join(";", cells)).append("\r\n");
        }
        BigDecimal vat = Vat.of(s);
        if (vat.signum() != 0) {
            List<String> cells = head(d, kind);
            cells.add("");
            cells.add(text(s.debtor().costCentre()));
            posting(cells, own, other, asCreditor ? "vatOutput" : "vatInput");
            cells.add("");
            cells.add(text("Moms " + vatText));
            cells.add("");
            cells.add("");
            cells.add(text(vatText));
            cells.add(CsvCells.money(vat));
            out.append(String.join(";", cells)).append("\r\n");
        }
    }

    /** The cells every row of a statement starts with: which statement, when, between whom. */
    private static List<String> head(StatementDocument d, String kind) {
        Statement s = d.statement();
        List<String> cells = new ArrayList<>();
        cells.add(text(d.number() == null ? "" : d.number()));
        cells.add(text(kind));
        cells.add(text(d.creditsNumber() == null ? "" : d.creditsNumber()));
        cells.add(text(d.issuedOn() == null ? "" : d.issuedOn().toString()));
        cells.add(text(d.dueOn() == null ? "" : d.dueOn().toString()));
        cells.add(text(s.period().label()));
        cells.add(text(s.period().from().toString()));
        cells.add(text(s.period().to().toString()));
        cells.add(text(s.centre()));
        cells.add(text(s.creditor().organisationNumber()));
        cells.add(text(s.creditor().name()));
        cells.add(text(s.debtor().organisationNumber()));
        cells.add(text(s.debtor().name()));
        return cells;
    }

    /** Whose books the row is for, the counterparty, and the account it posts to there. */
    private static void posting(List<String> cells, Party own, Party other, String role) {
        cells.add(text(own.organisationNumber()));
        cells.add(text(other.organisationNumber()));
        cells.add(text(other.name()));
        cells.add(text(own.invoicing().accounts().get(role)));
    }

    /** The VAT as the PDF says it: 25 %, or 0 % and why; an internal transfer has none. */
    private static String vatText(EntityInvoicing.VatTreatment treatment, boolean internal) {
        if (internal) {
            return "ingen (omföring)";
        }
        return switch (treatment) {
            case STANDARD -> "25 %";
            case EXEMPT -> "0 % (undantagen)";
            case OUTSIDE_SCOPE -> "0 % (utanför momsens tillämpningsområde)";
        };
    }

    /** The debtor service's weight of the weights in force, per segment; dates where there are several. */
    private static String weights(StatementLine line) {
        List<String> parts = new ArrayList<>();
        for (Allocation.Segment seg : line.basis()) {
            BigDecimal sum = seg.weights().stream().map(Allocation.Weight::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal own = seg.weights().stream().filter(w -> w.service().equals(line.debtorService()))
                    .map(Allocation.Weight::weight).findFirst().orElse(BigDecimal.ZERO);
            String text = decimal(own) + " av " + decimal(sum);
            parts.add(line.basis().size() > 1 ? text + " (" + seg.from() + "–" + seg.to() + ")" : text);
        }
        return String.join("; ", parts);
    }

    /**
     * The cost centre the debtor posts its service's share to: the one it asked for on this centre,
     * else the service's cost reference.
     */
    private static String costCentre(Statement s, String id) {
        if (s.debtor().costCentre() != null && !s.debtor().costCentre().isBlank()) {
            return s.debtor().costCentre();
        }
        return s.debtorServices().stream().filter(r -> r.id().equals(id)).findFirst()
                .map(Statement.ServiceRef::costReference).orElse("");
    }

    private static String serviceName(Statement s, String id) {
        return s.debtorServices().stream().filter(r -> r.id().equals(id)).findFirst()
                .map(r -> r.name() == null ? id : r.name()).orElse(id);
    }

    /** An amount as {@link CsvCells#money} writes it. */
    static String money(javax.money.MonetaryAmount amount) {
        return CsvCells.money(amount);
    }

    /** A weight as {@link CsvCells#decimal} writes it. */
    static String decimal(BigDecimal value) {
        return CsvCells.decimal(value);
    }

    /** A text cell as {@link CsvCells#text} writes it. */
    static String text(String cell) {
        return CsvCells.text(cell);
    }
}
