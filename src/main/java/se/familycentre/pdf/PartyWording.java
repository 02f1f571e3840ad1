package se.familycentre.pdf;

import static se.familycentre.pdf.StatementWording.blank;
import static se.familycentre.pdf.StatementWording.partyName;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import se.familycentre.statement.EntityInvoicing;
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
        creditorContact(left);
        if (!st.creditorServices().isEmpty()) {
            StringBuilder paid = new StringBuilder("Kostnaderna har betalats av ");
            for (int i = 0; i < st.creditorServices().size(); i++) {
                paid.append(i == 0 ? "" : ", ").append(words.serviceWithType(st.creditorServices().get(i)));
            }
            left.add(new Styled(Style.SMALL, paid.toString()));
        }
        partyLines(right, st.debtor());
        references(right);
        if (!blank(st.debtor().costCentre())) {
            right.add(new Styled(Style.PLAIN, "Kostnadsställe: " + st.debtor().costCentre().trim()));
        }
        if (st.creditor().invoicing().vatTreatment() == EntityInvoicing.VatTreatment.STANDARD
                && !blank(st.debtor().invoicing().vatNumber())) {
            right.add(new Styled(Style.PLAIN, "Momsreg.nr " + st.debtor().invoicing().vatNumber()));
        }
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

    /**
     * "Vår referens": the creditor's contact, with phone and e-mail; its VAT number where the statement
     * is taxed or exempt (RULES §5: outside scope prints no VAT numbers).
     */
    private void creditorContact(List<Styled> lines) {
        EntityInvoicing i = st.creditor().invoicing();
        if (!blank(i.vatNumber()) && i.vatTreatment() != EntityInvoicing.VatTreatment.OUTSIDE_SCOPE) {
            lines.add(new Styled(Style.PLAIN, "Momsreg.nr " + i.vatNumber()));
        }
        if (!blank(i.contactName())) {
            lines.add(new Styled(Style.PLAIN, "Vår referens: " + i.contactName().trim()));
        }
        List<String> reach = new ArrayList<>();
        if (!blank(i.contactPhone())) {
            reach.add("Tfn " + i.contactPhone().trim());
        }
        if (!blank(i.contactEmail())) {
            reach.add(i.contactEmail().trim());
        }
        if (!reach.isEmpty()) {
            lines.add(new Styled(Style.SMALL, String.join(" · ", reach)));
        }
    }

    /**
     * "Er referens": the debtor's reference on this centre (its referenskod, which some buyers require on
     * every invoice), else the debtor services' cost references; and the services' cost references
     * beside a reference of the debtor's own, each under its service, where they say more.
     */
    private void references(List<Styled> lines) {
        List<Statement.ServiceRef> debtors = st.debtorServices();
        Set<String> distinct = new LinkedHashSet<>();
        for (Statement.ServiceRef ref : debtors) {
            if (!blank(ref.costReference())) {
                distinct.add(ref.costReference().trim());
            }
        }
        String own = blank(st.debtor().reference()) ? null : st.debtor().reference().trim();
        if (own != null) {
            lines.add(new Styled(Style.PLAIN, "Er referens: " + own));
            distinct.remove(own);
            if (!distinct.isEmpty()) {
                lines.add(new Styled(Style.PLAIN, "Kostnadsreferens:"));
                serviceReferences(lines, debtors);
            }
        } else if (distinct.size() == 1 && debtors.stream().noneMatch(r -> blank(r.costReference()))) {
            lines.add(new Styled(Style.PLAIN, "Er referens: " + distinct.iterator().next()));
        } else if (!distinct.isEmpty()) {
            lines.add(new Styled(Style.PLAIN, "Er referens:"));
            serviceReferences(lines, debtors);
        }
    }

    private void serviceReferences(List<Styled> lines, List<Statement.ServiceRef> debtors) {
        for (Statement.ServiceRef ref : debtors) {
            String r = blank(ref.costReference()) ? "–" : ref.costReference().trim();
            lines.add(new Styled(Style.INDENTED, words.serviceName(ref.id()) + ": " + r));
        }
    }
}
