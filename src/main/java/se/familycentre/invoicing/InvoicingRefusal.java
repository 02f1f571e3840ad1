package se.familycentre.invoicing;

import java.util.List;
import se.familycentre.allocation.Violation;

/**
 * What issuing and crediting refuse, one type per reason; the web layer gives
 * each its own problem. Thrown inside the issuing transaction, so nothing of a
 * refused issue is written and no number is taken.
 */
public abstract sealed class InvoicingRefusal extends RuntimeException {

    private final List<Violation> errors;

    private InvoicingRefusal(String detail, List<Violation> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<Violation> errors() {
        return errors;
    }

    /** The period's statements stand already; they must be credited before it is issued again. */
    public static final class AlreadyIssued extends InvoicingRefusal {
        private final List<String> numbers;

        AlreadyIssued(String detail, List<Violation> standing, List<String> numbers) {
            super(detail, standing);
            this.numbers = List.copyOf(numbers);
        }

        /** The numbers of the statements that stand. */
        public List<String> numbers() {
            return numbers;
        }
    }

    /** No entity owes another anything for the period. */
    public static final class NothingToInvoice extends InvoicingRefusal {
        NothingToInvoice(String detail) {
            super(detail, List.of(new Violation("period", detail)));
        }
    }

    /** A statement is credited once. */
    public static final class AlreadyCredited extends InvoicingRefusal {
        AlreadyCredited(String detail, List<Violation> errors) {
            super(detail, errors);
        }
    }

    /** A credit statement is not itself credited. */
    public static final class NotCreditable extends InvoicingRefusal {
        NotCreditable(String detail) {
            super(detail, List.of(new Violation("id", detail)));
        }
    }

    /** An {@code Idempotency-Key} already used for another request. */
    public static final class KeyReused extends InvoicingRefusal {
        KeyReused() {
            super("the Idempotency-Key was used for another request; use a new key for a new request",
                    List.of(new Violation("Idempotency-Key",
                            "was used for another request; use a new key for a new request")));
        }
    }

    /** The first request with this {@code Idempotency-Key} has not finished, or failed. */
    public static final class KeyInProgress extends InvoicingRefusal {
        KeyInProgress(String detail) {
            super(detail, List.of());
        }
    }
}
