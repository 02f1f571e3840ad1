/**
 * A pure writer of PEPPOL BIS Billing 3.0 e-invoices (UBL 2.1 {@code Invoice} and {@code CreditNote})
 * for issued statements. Plain Java: the JDK's StAX writer, the statement it is given and the
 * statement package's VAT and Swedish names, so the e-invoice shows what the PDF and the CSV show.
 *
 * <p>The facts of the formats this package relies on: a document names its specification
 * ({@code CustomizationID}, BT-24) and its business process ({@code ProfileID}, BT-23); an Invoice
 * has type code 380 and a {@code DueDate} (BT-9), a CreditNote type code 381, its due date in
 * {@code PaymentMeans/PaymentDueDate}, and cites the credited invoice in
 * {@code BillingReference/InvoiceDocumentReference} (BG-3); a buyer reference or an order reference
 * is required (PEPPOL-EN16931-R003); both parties have an electronic address with a scheme
 * (R010/R020, BR-62/63; 0007 is a Swedish organisationsnummer, ten digits with a Luhn check digit,
 * PEPPOL-COMMON-R049) and a postal address with a country code (BR-08..11); a Swedish bankgiro or
 * plusgiro is paid by code 30 with {@code SE:BANKGIRO} or {@code SE:PLUSGIRO} as the financial
 * institution branch (SE-R-007..011); prices are never negative (BR-27), so a negative line is
 * quantity -1 at a positive price; the VAT breakdown has one subtotal per category: {@code O} (not
 * subject to VAT: no rate, a reason, no VAT identifiers at all, BR-O-*), {@code E} (exempt: rate 0,
 * a reason, the seller's VAT identifier, BR-E-*) or {@code S} (standard: rate 25, the seller's VAT
 * identifier, BR-S-*); amounts have at most two decimals and the document's currency. The UBL
 * schemas fix the order of the elements.
 */
package se.familycentre.einvoice;
