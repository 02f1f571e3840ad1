package se.familycentre.einvoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import se.familycentre.allocation.Sek;
import se.familycentre.statement.EntityInvoicing;
import se.familycentre.statement.EntityInvoicing.VatTreatment;
import se.familycentre.statement.Party;
import se.familycentre.statement.PaymentReference;
import se.familycentre.statement.Statement;
import se.familycentre.statement.StatementDocument;
import se.familycentre.statement.StatementLine;
import se.familycentre.statement.SwedishTerms;
import se.familycentre.statement.Vat;

/**
 * An issued statement as a PEPPOL BIS Billing 3.0 e-invoice: an invoice as a UBL 2.1 {@code Invoice}
 * (type 380), a credit statement as a {@code CreditNote} (type 381) that cites the credited
 * statement's number and date. UTF-8, deterministic: the same statement gives the same bytes.
 *
 * <p>What goes where:
 * <ul>
 * <li>{@code ID} is the statement's number. Numbers repeat across creditors (one series each,
 * RULES §5); the seller's identifiers make it unique, as UBL expects.</li>
 * <li>{@code BuyerReference} is the debtor's reference ({@link Party#reference()}: the centre's
 * buyer reference for the debtor, else its own invoice reference). PEPPOL requires a buyer
 * reference or an order reference (PEPPOL-EN16931-R003) and there is no order, so a debtor with no
 * reference gets the centre's name: what the statement is about, and what its receiving
 * department is most likely to route by.</li>
 * <li>{@code AccountingCost} of the document is the debtor's cost centre for this centre
 * ({@link Party#costCentre()}); of a line, its service's cost reference (the CSV's
 * "Kostnadsställe"), else the debtor's cost centre.</li>
 * <li>Both parties have {@code EndpointID} with their PEPPOL scheme and id (default 0007 and the
 * organisationsnummer's ten digits), {@code PartyName}, a {@code PostalAddress} from their invoice
 * address lines ({@link UblAddress}, country SE) and {@code PartyLegalEntity} (name, and the
 * organisationsnummer under scheme 0007). The seller's contact is written when it has one.</li>
 * <li>VAT (RULES §5) is {@link Vat#of} of the statement's net sum under the creditor's treatment,
 * the one VAT every output of a statement shows: {@code OUTSIDE_SCOPE} is category O with no rate,
 * reason code VATEX-EU-O and the creditor's reason text, and no VAT identifier of either party;
 * {@code EXEMPT} is category E at 0 % with the reason text and the seller's VAT identifier;
 * {@code STANDARD} is category S at 25 % with both parties' VAT identifiers. A party without a
 * stored VAT number there has the Swedish one of its organisationsnummer (SE, ten digits, 01).</li>
 * <li>Payment: a bankgiro (preferred) or plusgiro as code 30 with {@code SE:BANKGIRO} /
 * {@code SE:PLUSGIRO}, else an IBAN as code 58 with the BIC; none when the creditor has no account.
 * {@code PaymentID} is {@link #paymentReference}. The due date is the statement's
 * ({@link StatementDocument#dueOn()}): {@code DueDate} of an Invoice, {@code PaymentDueDate} of a
 * CreditNote's payment means (BIS has no other place for BT-9 there, so a credit note of a creditor
 * without an account has none). {@code PaymentTerms/Note} gives an invoice's terms, due date and
 * payment reference, a credit note the invoice it is settled against.</li>
 * <li>One line per statement line, named as the PDF and CSV name it ({@link SwedishTerms#lineNames}
 * and the debtor service's name): quantity 1 (C62) at the share; a negative share is quantity -1
 * at the positive price, since a price may not be negative (BR-27).</li>
 * </ul>
 *
 * <p>A credit statement's content is already negated (RULES §5); a CreditNote says by its type that
 * it credits, so its amounts are written as the credited statement's, positive where those were.
 */
public final class UblDocument {

    public static final String CUSTOMIZATION_ID =
            "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    public static final String PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    public static final String INVOICE_NAMESPACE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public static final String CREDIT_NOTE_NAMESPACE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    public static final String MEDIA_TYPE = "application/xml";
    public static final String CURRENCY = "SEK";
    public static final String INVOICE_TYPE = "380";
    public static final String CREDIT_NOTE_TYPE = "381";
    /** The ISO 6523 scheme of a Swedish organisationsnummer, for the legal entity and the default endpoint. */
    static final String ORGANISATION_NUMBER_SCHEME = EntityInvoicing.SCHEME_ORGANISATION_NUMBER;

    private UblDocument() {
    }

    /**
     * The statement as a UBL Invoice (kind {@code INVOICE}) or CreditNote (kind {@code CREDIT}), UTF-8.
     *
     * @throws IllegalArgumentException for a draft, an internal statement (omföringsunderlag: creditor
     *                                  and debtor one entity, never invoiced), a statement without
     *                                  number, date or lines, a credit without the credited number and
     *                                  date, lines that do not add up to the total, or an EXEMPT
     *                                  creditor without the reason text
     */
    public static byte[] write(StatementDocument doc) {
        refuseUninvoiceable(doc);
        return new Writer(doc).write();
    }

    /**
     * The payment reference of an issued statement, as {@code PaymentID} carries it and the PDF may
     * print it: the creditor's organisationsnummer (ten digits), the digits of the statement's number
     * and a Luhn (mod 10) check digit over all of them, e.g. {@code 2120001561} + {@code 20250007} +
     * {@code 3}. Digits only, 19 of them for a number {@code YYYY-NNNN} (at most 25, as an OCR
     * reference may have), so it can be used as an OCR number; unique per statement, since a
     * number is unique per creditor.
     *
     * @throws IllegalArgumentException for a draft (it has no number)
     */
    public static String paymentReference(StatementDocument doc) {
        return PaymentReference.of(doc);
    }

    private static void refuseUninvoiceable(StatementDocument doc) {
        if (doc.kind() == StatementDocument.Kind.DRAFT) {
            throw new IllegalArgumentException("a draft is not invoiced: issue it first");
        }
        Statement s = doc.statement();
        if (s.internal()) {
            throw new IllegalArgumentException("an internal statement (omföringsunderlag, creditor and debtor "
                    + s.creditor().organisationNumber() + ") is never invoiced");
        }
        if (blank(doc.number()) || doc.issuedOn() == null) {
            throw new IllegalArgumentException("an e-invoice needs the statement's number and date of issue");
        }
        if (doc.kind() == StatementDocument.Kind.CREDIT && (blank(doc.creditsNumber()) || doc.creditsIssuedOn() == null)) {
            throw new IllegalArgumentException("a credit note cites the credited statement's number and date");
        }
        if (s.lines().isEmpty()) {
            throw new IllegalArgumentException("an e-invoice has at least one line (BR-16)");
        }
        BigDecimal sum = s.lines().stream().map(l -> Sek.decimal(l.share())).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(Sek.decimal(s.total())) != 0) {
            throw new IllegalArgumentException("the lines add up to " + sum + ", not to the total " + Sek.decimal(s.total()));
        }
        if (s.creditor().invoicing().vatTreatment() == VatTreatment.EXEMPT && blank(s.creditor().invoicing().vatText())) {
            throw new IllegalArgumentException("an EXEMPT creditor states why no VAT is charged (BR-E-10)");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** One document being written. */
    private static final class Writer {

        private final StatementDocument doc;
        private final Statement st;
        private final boolean credit;
        /** 1 for an invoice; -1 for a credit, whose statement is negated and whose CreditNote is not. */
        private final BigDecimal sign;
        private final VatTreatment treatment;
        private final UblXml x;

        Writer(StatementDocument doc) {
            this.doc = doc;
            this.st = doc.statement();
            this.credit = doc.kind() == StatementDocument.Kind.CREDIT;
            this.sign = credit ? BigDecimal.ONE.negate() : BigDecimal.ONE;
            this.treatment = st.creditor().invoicing().vatTreatment();
            this.x = credit ? new UblXml(CREDIT_NOTE_NAMESPACE, "CreditNote") : new UblXml(INVOICE_NAMESPACE, "Invoice");
        }

        byte[] write() {
            BigDecimal net = amount(Sek.decimal(st.total()));
            BigDecimal vat = Vat.of(st).multiply(sign);
            x.leaf("CustomizationID", CUSTOMIZATION_ID)
                    .leaf("ProfileID", PROFILE_ID)
                    .leaf("ID", doc.number())
                    .leaf("IssueDate", doc.issuedOn().toString());
            if (!credit) {
                x.leaf("DueDate", date(doc.dueOn())).leaf("InvoiceTypeCode", INVOICE_TYPE);
            } else {
                x.leaf("CreditNoteTypeCode", CREDIT_NOTE_TYPE);
            }
            x.leaf("Note", note())
                    .leaf("DocumentCurrencyCode", CURRENCY)
                    .leaf("AccountingCost", st.debtor().costCentre())
                    .leaf("BuyerReference", buyerReference());
            x.start("InvoicePeriod")
                    .leaf("StartDate", st.period().from().toString())
                    .leaf("EndDate", st.period().to().toString())
                    .end();
            billingReferences();
            x.start("AccountingSupplierParty");
            party(st.creditor(), sellerVatNumber(), true);
            x.end();
            x.start("AccountingCustomerParty");
            party(st.debtor(), buyerVatNumber(), false);
            x.end();
            paymentMeans();
            x.start("PaymentTerms").leaf("Note", paymentTerms()).end();
            taxTotal(net, vat);
            x.start("LegalMonetaryTotal")
                    .leaf("LineExtensionAmount", money(net), "currencyID", CURRENCY)
                    .leaf("TaxExclusiveAmount", money(net), "currencyID", CURRENCY)
                    .leaf("TaxInclusiveAmount", money(net.add(vat)), "currencyID", CURRENCY)
                    .leaf("PayableAmount", money(net.add(vat)), "currencyID", CURRENCY)
                    .end();
            lines();
            return x.finish();
        }

        /** One note (PEPPOL allows one): what the document is, for a reader. */
        private String note() {
            String agreement = blank(doc.basis()) ? StatementDocument.AGREEMENT : doc.basis().trim();
            if (agreement.endsWith(".")) {
                agreement = agreement.substring(0, agreement.length() - 1);
            }
            String about = st.centre() + ", " + st.period().label() + ". Fördelning enligt " + agreement + ".";
            if (credit) {
                return "Kreditering av fakturaunderlag " + doc.creditsNumber() + " av " + doc.creditsIssuedOn() + ": "
                        + about;
            }
            String replaces = doc.replaces().isEmpty() ? ""
                    : " Ersätter krediterat fakturaunderlag " + String.join(", ", doc.replaces()) + ".";
            return "Fakturaunderlag: " + about + replaces;
        }

        private String buyerReference() {
            String reference = st.debtor().reference();
            return blank(reference) || UblXml.clean(reference) == null ? st.centre() : reference;
        }

        /** A CreditNote cites what it credits; an Invoice the credited statements it replaces (numbers only). */
        private void billingReferences() {
            if (credit) {
                x.start("BillingReference").start("InvoiceDocumentReference")
                        .leaf("ID", doc.creditsNumber())
                        .leaf("IssueDate", doc.creditsIssuedOn().toString())
                        .end().end();
                return;
            }
            for (String replaced : doc.replaces()) {
                x.start("BillingReference").start("InvoiceDocumentReference").leaf("ID", replaced).end().end();
            }
        }

        private void party(Party party, String vatNumber, boolean seller) {
            EntityInvoicing inv = party.invoicing();
            String scheme = blank(inv.peppolScheme()) ? ORGANISATION_NUMBER_SCHEME : inv.peppolScheme().trim();
            String endpoint = blank(inv.peppolId()) ? party.digits() : inv.peppolId().trim();
            String name = blank(party.name()) ? party.organisationNumber() : party.name();
            x.start("Party").leaf("EndpointID", endpoint, "schemeID", scheme);
            x.start("PartyName").leaf("Name", name).end();
            UblAddress a = UblAddress.parse(party.invoiceAddress());
            x.start("PostalAddress")
                    .leaf("StreetName", a.street())
                    .leaf("AdditionalStreetName", a.additionalStreet())
                    .leaf("CityName", a.city())
                    .leaf("PostalZone", a.postalZone());
            if (a.line() != null) {
                x.start("AddressLine").leaf("Line", a.line()).end();
            }
            x.start("Country").leaf("IdentificationCode", UblAddress.COUNTRY).end().end();
            if (vatNumber != null) {
                x.start("PartyTaxScheme").leaf("CompanyID", vatNumber)
                        .start("TaxScheme").leaf("ID", "VAT").end().end();
            }
            x.start("PartyLegalEntity")
                    .leaf("RegistrationName", name)
                    .leaf("CompanyID", party.digits(), "schemeID", ORGANISATION_NUMBER_SCHEME)
                    .end();
            if (seller && (UblXml.clean(inv.contactName()) != null || UblXml.clean(inv.contactPhone()) != null
                    || UblXml.clean(inv.contactEmail()) != null)) {
                x.start("Contact")
                        .leaf("Name", inv.contactName())
                        .leaf("Telephone", inv.contactPhone())
                        .leaf("ElectronicMail", inv.contactEmail())
                        .end();
            }
            x.end();
        }

        /** The seller's VAT identifier, printed unless the statement is outside the scope of VAT (BR-O-02). */
        private String sellerVatNumber() {
            return treatment == VatTreatment.OUTSIDE_SCOPE ? null : vatNumber(st.creditor());
        }

        /** The buyer's VAT identifier, printed only under the standard rate (RULES §5: both VAT numbers). */
        private String buyerVatNumber() {
            return treatment == VatTreatment.STANDARD ? vatNumber(st.debtor()) : null;
        }

        private static String vatNumber(Party party) {
            String stored = party.invoicing().vatNumber();
            return blank(stored) ? "SE" + party.digits() + "01" : stored.replace(" ", "").trim();
        }

        private void paymentMeans() {
            EntityInvoicing inv = st.creditor().invoicing();
            String code;
            String account;
            String branch;
            if (!blank(inv.bankgiro())) {
                code = "30";
                account = inv.bankgiro().replaceAll("\\D", "");
                branch = "SE:BANKGIRO";
            } else if (!blank(inv.plusgiro())) {
                code = "30";
                account = inv.plusgiro().replaceAll("\\D", "");
                branch = "SE:PLUSGIRO";
            } else if (!blank(inv.iban())) {
                code = "58";
                account = inv.iban().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
                branch = blank(inv.bic()) ? null : inv.bic().trim();
            } else {
                return;
            }
            x.start("PaymentMeans").leaf("PaymentMeansCode", code);
            if (credit) {
                x.leaf("PaymentDueDate", date(doc.dueOn()));
            }
            x.leaf("PaymentID", paymentReference(doc));
            x.start("PayeeFinancialAccount").leaf("ID", account);
            if (branch != null) {
                x.start("FinancialInstitutionBranch").leaf("ID", branch).end();
            }
            x.end().end();
        }

        /** An invoice's terms and reference; a credit note's what it is settled against. */
        private String paymentTerms() {
            int days = st.creditor().paymentTermsDays();
            String terms = days + (days == 1 ? " dag" : " dagar") + " netto";
            if (credit) {
                return "Krediteringen regleras mot fakturaunderlag " + doc.creditsNumber() + " av "
                        + doc.creditsIssuedOn() + ".";
            }
            return "Betalningsvillkor " + terms + ", förfallodag " + doc.dueOn() + ". Ange betalningsreferens "
                    + paymentReference(doc) + " vid betalning.";
        }

        private void taxTotal(BigDecimal net, BigDecimal vat) {
            x.start("TaxTotal").leaf("TaxAmount", money(vat), "currencyID", CURRENCY)
                    .start("TaxSubtotal")
                    .leaf("TaxableAmount", money(net), "currencyID", CURRENCY)
                    .leaf("TaxAmount", money(vat), "currencyID", CURRENCY);
            taxCategory("TaxCategory", true);
            x.end().end();
        }

        /** O: no rate, reason code and text; E: 0 % and the reason text; S: 25 %. Lines carry no reason. */
        private void taxCategory(String element, boolean withReason) {
            x.start(element);
            switch (treatment) {
                case OUTSIDE_SCOPE -> {
                    x.leaf("ID", "O");
                    if (withReason) {
                        x.leaf("TaxExemptionReasonCode", "VATEX-EU-O").leaf("TaxExemptionReason",
                                st.creditor().invoicing().vatText());
                    }
                }
                case EXEMPT -> {
                    x.leaf("ID", "E").leaf("Percent", "0");
                    if (withReason) {
                        x.leaf("TaxExemptionReason", st.creditor().invoicing().vatText());
                    }
                }
                case STANDARD -> x.leaf("ID", "S").leaf("Percent",
                        Vat.STANDARD_RATE.movePointRight(2).stripTrailingZeros().toPlainString());
            }
            x.start("TaxScheme").leaf("ID", "VAT").end();
            x.end();
        }

        private void lines() {
            Map<String, String> names = SwedishTerms.lineNames(st.lines());
            String lineElement = credit ? "CreditNoteLine" : "InvoiceLine";
            String quantityElement = credit ? "CreditedQuantity" : "InvoicedQuantity";
            int id = 0;
            for (StatementLine line : st.lines()) {
                BigDecimal amount = amount(Sek.decimal(line.share()));
                x.start(lineElement)
                        .leaf("ID", String.valueOf(++id))
                        .leaf(quantityElement, amount.signum() < 0 ? "-1" : "1", "unitCode", "C62")
                        .leaf("LineExtensionAmount", money(amount), "currencyID", CURRENCY)
                        .leaf("AccountingCost", lineCostCentre(line.debtorService()));
                x.start("Item")
                        .leaf("Name", names.get(line.lineId()) + " – " + serviceName(line.debtorService()))
                        .start("SellersItemIdentification").leaf("ID", line.lineId()).end();
                taxCategory("ClassifiedTaxCategory", false);
                x.start("AdditionalItemProperty").leaf("Name", "Pool").leaf("Value", SwedishTerms.pool(line.pool()))
                        .end();
                x.end();
                x.start("Price").leaf("PriceAmount", money(amount.abs()), "currencyID", CURRENCY).end();
                x.end();
            }
        }

        private String serviceName(String id) {
            return st.debtorServices().stream().filter(r -> r.id().equals(id)).findFirst()
                    .map(r -> blank(r.name()) ? id : r.name()).orElse(id);
        }

        private String lineCostCentre(String service) {
            String ref = st.debtorServices().stream().filter(r -> r.id().equals(service)).findFirst()
                    .map(Statement.ServiceRef::costReference).orElse(null);
            return blank(ref) ? st.debtor().costCentre() : ref;
        }

        private BigDecimal amount(BigDecimal statementAmount) {
            return statementAmount.multiply(sign);
        }

        private static String money(BigDecimal amount) {
            return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        }

        private static String date(LocalDate date) {
            return date == null ? null : date.toString();
        }
    }
}
