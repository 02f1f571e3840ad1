package se.familycentre.statement;

import java.time.LocalDate;
import java.util.List;

/**
 * A statement as printed: a draft (no number, marked UTKAST), an issued
 * statement, or a credit statement that cites the original's number and date.
 * {@code replaces} names the credited statements an issued one replaces.
 * {@code basis} is the agreement the sharing rests on, cited in a footnote.
 * {@code centreServices} are all the services of the centre: a basis such as
 * "Lika delning mellan 4 basverksamheter" names the kind of members a cost is
 * shared among, and the statement itself knows only its debtor's and creditor's
 * services. Empty when the caller has not got them; the printed basis then
 * knows only the statement's own services. {@code creditReason} is why a credit statement was
 * made, as the finance officer gave it (null when none was given, and on other kinds).
 */
public record StatementDocument(
        Kind kind,
        String number,
        LocalDate issuedOn,
        Statement statement,
        String creditsNumber,
        LocalDate creditsIssuedOn,
        List<String> replaces,
        String basis,
        List<Statement.ServiceRef> centreServices,
        String creditReason) {

    public StatementDocument(Kind kind, String number, LocalDate issuedOn, Statement statement, String creditsNumber,
                             LocalDate creditsIssuedOn, List<String> replaces, String basis,
                             List<Statement.ServiceRef> centreServices) {
        this(kind, number, issuedOn, statement, creditsNumber, creditsIssuedOn, replaces, basis, centreServices, null);
    }

    public enum Kind {
        DRAFT,
        INVOICE,
        CREDIT
    }

    public StatementDocument {
        replaces = replaces == null ? List.of() : List.copyOf(replaces);
        centreServices = centreServices == null ? List.of() : List.copyOf(centreServices);
    }

    /** The default basis when the centre names no local agreement. */
    public static final String AGREEMENT = "Samverkansavtal familjecentraler Västra Götaland §14.1";

    public LocalDate dueOn() {
        return issuedOn == null ? null : issuedOn.plusDays(statement.creditor().paymentTermsDays());
    }
}
