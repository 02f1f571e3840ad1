package se.familycentre.pdf;

import static se.familycentre.pdf.StatementWording.blank;
import static se.familycentre.pdf.StatementWording.partyName;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import se.familycentre.statement.Party;
import se.familycentre.statement.Statement;

/**
 * The words of the parties' block on the first page: who invoices whom (name,
 * organisationsnummer, invoice address), which services paid the costs, and the
 * debtor's reference; on an internal statement, the one legal entity and the
 * services the costs move between.
 */
final class PartyWording {

    /** How a line of a party's block is set: the name, a plain line, a small note, an indented item. */
    enum Style { NAME, PLAIN, SMALL, INDENTED }

    record Styled(Style style, String text) {
    }

    /** One of the two columns of the parties' block. */
    record Column(String heading, List<Styled> lines) {
    }

    private final Statement st;
    private final StatementWording words;

    PartyWording(Statement st, StatementWording words) {
        this.st = st;
        this.words = words;
    }

    /** The parties' block, left column then right. */
    List<Column> columns() {
        List<Styled> left = new ArrayList<>();
        List<Styled> right = new ArrayList<>();
        if (st.internal()) {
            partyLines(left, st.creditor());
            right.add(new Styled(Style.PLAIN, "Kostnaderna har betalats av"));
            for (Statement.ServiceRef ref : st.creditorServices()) {
                right.add(new Styled(Style.PLAIN, words.serviceWithType(ref)));
            }
            return List.of(new Column("Juridisk person", left), new Column("Omföring mellan verksamheter", right));
        }
        partyLines(left, st.creditor());
        if (!st.creditorServices().isEmpty()) {
            StringBuilder paid = new StringBuilder("Kostnaderna har betalats av ");
            for (int i = 0; i < st.creditorServices().size(); i++) {
                paid.append(i == 0 ? "" : ", ").append(words.serviceWithType(st.creditorServices().get(i)));
            }
            left.add(new Styled(Style.SMALL, paid.toString()));
        }
        partyLines(right, st.debtor());
        references(right);
        return List.of(new Column("Fakturerande part", left), new Column("Mottagare", right));
    }

    private void partyLines(List<Styled> lines, Party party) {
        lines.add(new Styled(Style.NAME, partyName(party)));
        lines.add(new Styled(Style.PLAIN, "Org.nr " + party.organisationNumber()));
        if (!blank(party.invoiceAddress())) {
            for (String part : party.invoiceAddress().split("\\R")) {
                if (!part.isBlank()) {
                    lines.add(new Styled(Style.PLAIN, part.trim()));
                }
            }
        }
    }

    /** "Er referens": the debtor services' cost references, else the debtor's own reference. */
    private void references(List<Styled> lines) {
        List<Statement.ServiceRef> debtors = st.debtorServices();
        Set<String> distinct = new LinkedHashSet<>();
        boolean allHave = true;
        for (Statement.ServiceRef ref : debtors) {
            if (blank(ref.costReference())) {
                allHave = false;
            } else {
                distinct.add(ref.costReference().trim());
            }
        }
        String fallback = blank(st.debtor().reference()) ? null : st.debtor().reference().trim();
        if (distinct.isEmpty()) {
            if (fallback != null) {
                lines.add(new Styled(Style.PLAIN, "Er referens: " + fallback));
            }
        } else if (distinct.size() == 1 && (allHave || fallback == null || distinct.contains(fallback))) {
            lines.add(new Styled(Style.PLAIN, "Er referens: " + distinct.iterator().next()));
        } else {
            lines.add(new Styled(Style.PLAIN, "Er referens:"));
            for (Statement.ServiceRef ref : debtors) {
                String r = blank(ref.costReference()) ? fallback : ref.costReference().trim();
                lines.add(new Styled(Style.INDENTED, words.serviceName(ref.id()) + ": " + (r == null ? "–" : r)));
            }
        }
    }
}
