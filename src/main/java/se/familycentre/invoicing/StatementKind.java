package se.familycentre.invoicing;

/** What an issued row is: an invoice statement, or a credit statement that negates one. */
public enum StatementKind {
    INVOICE,
    CREDIT
}
