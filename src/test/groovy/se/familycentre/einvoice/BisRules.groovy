package se.familycentre.einvoice

import java.math.RoundingMode
import javax.xml.namespace.NamespaceContext
import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.XPath
import javax.xml.xpath.XPathConstants
import javax.xml.xpath.XPathFactory
import org.w3c.dom.Document
import org.w3c.dom.Element
import org.w3c.dom.Node
import org.w3c.dom.NodeList

/**
 * The PEPPOL BIS Billing 3.0 business rules that the statements' e-invoices touch, as named checks:
 * each carries its official id, flag and meaning (EN 16931 BR-*, BR-CO-*, BR-DEC-*, BR-O-*, BR-E-*,
 * BR-S-*; PEPPOL-EN16931-R*, -P*; PEPPOL-COMMON-R049; the Swedish SE-R-*), and is written here as
 * XPath over the produced XML with BigDecimal arithmetic, from the rule's text (OpenPeppol's rule
 * list, release 2025.5). An Invoice's rules apply to a CreditNote with its own element names
 * ({@code CreditNoteLine}, {@code CreditedQuantity}, and the due date BT-9 in
 * {@code PaymentMeans/PaymentDueDate}). Sums and VAT are checked exactly to the öre, stricter than
 * the official artefacts' tolerances (0.02 for a line, 1 for VAT): these documents compute them
 * exactly. Rules about elements the documents never carry (allowances and charges, mandates, line
 * periods, base quantities) are here too, so a document that carried them would be checked.
 */
final class BisRules {

    static final String CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2'
    static final String CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2'

    /** A named rule: its official id, fatal or warning, its meaning, and the check (the failures it finds). */
    static final class Rule {
        final String id
        final String flag
        final String text
        final Closure<List<String>> check

        Rule(String id, String flag, String text, Closure<List<String>> check) {
            this.id = id
            this.flag = flag
            this.text = text
            this.check = check
        }
    }

    record Failure(String id, String flag, String text, String detail) {
        String toString() { "$id [$flag] $text: $detail" }
    }

    /** The document under check: XPath 1.0 (the JDK's) with the UBL prefixes, and numbers as BigDecimal. */
    static final class Doc {
        final Document dom
        final Element root
        final boolean credit
        private final XPath xp

        Doc(Document dom) {
            this.dom = dom
            this.root = dom.documentElement
            this.credit = root.localName == 'CreditNote'
            this.xp = XPathFactory.newDefaultInstance().newXPath()
            xp.namespaceContext = new NamespaceContext() {
                String getNamespaceURI(String prefix) { [cac: CAC, cbc: CBC][prefix] }

                String getPrefix(String uri) { null }

                Iterator<String> getPrefixes(String uri) { [].iterator() }
            }
        }

        List<Node> nodes(String expr, Node context = root) {
            NodeList list = xp.evaluate(expr, context, XPathConstants.NODESET) as NodeList
            (0..<list.length).collect { list.item(it) }
        }

        Node node(String expr, Node context = root) {
            nodes(expr, context).find()
        }

        /** The first match's text, whitespace normalised; null when absent or blank. */
        String text(String expr, Node context = root) {
            Node n = node(expr, context)
            String t = n == null ? null : n.textContent.trim().replaceAll(/\s+/, ' ')
            t ? t : null
        }

        boolean has(String expr, Node context = root) {
            text(expr, context) != null
        }

        /** The first match as a number; null when absent; a NaN marker (null too) when not a number. */
        BigDecimal dec(String expr, Node context = root) {
            String t = text(expr, context)
            if (t == null) {
                return null
            }
            try {
                new BigDecimal(t)
            } catch (NumberFormatException ignored) {
                null
            }
        }

        BigDecimal sum(String expr, Node context = root) {
            nodes(expr, context).collect { number(it) ?: 0.0G }.sum(0.0G) as BigDecimal
        }

        static BigDecimal number(Node n) {
            try {
                new BigDecimal(n.textContent.trim())
            } catch (NumberFormatException ignored) {
                null
            }
        }

        List<Node> lines() { nodes('cac:InvoiceLine | cac:CreditNoteLine') }

        Node seller() { node('cac:AccountingSupplierParty/cac:Party') }

        Node buyer() { node('cac:AccountingCustomerParty/cac:Party') }

        String currency() { text('cbc:DocumentCurrencyCode') }

        /** The VAT category (BT-151) of a line. */
        String lineCategory(Node line) { text("cac:Item/cac:ClassifiedTaxCategory[cac:TaxScheme/cbc:ID='VAT']/cbc:ID", line) }

        BigDecimal lineRate(Node line) { dec("cac:Item/cac:ClassifiedTaxCategory[cac:TaxScheme/cbc:ID='VAT']/cbc:Percent", line) }

        List<Node> subtotals() { nodes('cac:TaxTotal/cac:TaxSubtotal') }

        String subtotalCategory(Node sub) { text("cac:TaxCategory[cac:TaxScheme/cbc:ID='VAT']/cbc:ID", sub) }

        List<Node> subtotalsOf(String category) { subtotals().findAll { subtotalCategory(it) == category } }

        /** Document level allowances (charge false) or charges (charge true) in a VAT category. */
        BigDecimal allowancesOrCharges(boolean charge, String category, BigDecimal rate = null) {
            nodes("cac:AllowanceCharge[cbc:ChargeIndicator='${charge}']").findAll {
                text("cac:TaxCategory/cbc:ID", it) == category && (rate == null || dec('cac:TaxCategory/cbc:Percent', it) == rate)
            }.collect { dec('cbc:Amount', it) ?: 0.0G }.sum(0.0G) as BigDecimal
        }

        /** Whether any line, document level allowance or charge is in the VAT category. */
        boolean usesCategory(String category) {
            lines().any { lineCategory(it) == category } ||
                    nodes('cac:AllowanceCharge').any { text('cac:TaxCategory/cbc:ID', it) == category }
        }

        /** BT-31, BT-32 and BT-63: the seller's VAT identifier, tax registration identifier, tax representative's VAT identifier. */
        boolean sellerTaxIdentified() {
            has("cac:PartyTaxScheme/cbc:CompanyID", seller()) ||
                    has("cac:TaxRepresentativeParty/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID")
        }

        String vatId(Node party) { party == null ? null : text("cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID", party) }

        String country(Node party) { party == null ? null : text('cac:PostalAddress/cac:Country/cbc:IdentificationCode', party) }

        /** The seller is Swedish (SE-R-*): its postal address is in SE. */
        boolean swedishSeller() { country(seller()) == 'SE' }

        /** And has a Swedish VAT identifier. */
        boolean swedishVatSeller() { swedishSeller() && vatId(seller())?.startsWith('SE') }
    }

    private static Rule rule(String id, String text, Closure<List<String>> check) {
        new Rule(id, 'fatal', text, check)
    }

    private static Rule warning(String id, String text, Closure<List<String>> check) {
        new Rule(id, 'warning', text, check)
    }

    /** A rule that the document has a non-blank value at the path. */
    private static Rule present(String id, String text, String path) {
        rule(id, text) { Doc d -> d.has(path) ? [] : ["no $path".toString()] }
    }

    /** A rule that each node at {@code each} has a non-blank value at {@code path}. */
    private static Rule eachHas(String id, String text, String each, String path) {
        rule(id, text) { Doc d ->
            d.nodes(each).findAll { !d.has(path, it) }.collect { "a $each without $path".toString() }
        }
    }

    /** A rule that the amounts at the path have at most two decimals. */
    private static Rule twoDecimals(String id, String text, String path) {
        rule(id, text) { Doc d ->
            d.nodes(path).findAll { it.textContent.trim().contains('.') && it.textContent.trim().substring(it.textContent.trim().indexOf('.') + 1).length() > 2 }
                    .collect { "$path is ${it.textContent.trim()}".toString() }
        }
    }

    private static List<String> equal(String what, BigDecimal actual, BigDecimal expected) {
        actual != null && expected != null && actual.compareTo(expected) == 0 ? [] : ["$what is $actual, not $expected".toString()]
    }

    private static BigDecimal cents(BigDecimal v) { v.setScale(2, RoundingMode.HALF_UP) }

    /** A Swedish organisationsnummer as PEPPOL scheme 0007 writes it: ten digits, the last a Luhn check digit. */
    static boolean orgnr(String s) {
        s != null && s ==~ /\d{10}/ && luhn(s)
    }

    static boolean luhn(String digits) {
        int sum = 0
        digits.reverse().eachWithIndex { String c, int i ->
            int d = (c as int) * (i % 2 == 1 ? 2 : 1)
            sum += d > 9 ? d - 9 : d
        }
        sum % 10 == 0
    }

    static final List<BigDecimal> SWEDISH_RATES = [25.0G, 12.0G, 6.0G]
    static final Set<String> ISO_COUNTRIES = (Locale.getISOCountries() as Set<String>) + ['EL', 'XI', '1A']
    static final Set<String> INVOICE_TYPES = ('71 80 82 84 102 218 219 326 331 380 382 383 384 386 388 393 395 553 575 '
            + '623 780 817 870 875 876 877').split(' ') as Set<String>
    static final Set<String> CREDIT_NOTE_TYPES = ['381', '396', '81', '83', '532'] as Set<String>
    static final String LMT = 'cac:LegalMonetaryTotal'
    static final String LINES = 'cac:InvoiceLine | cac:CreditNoteLine'
    static final String VAT_SUBTOTAL_CATEGORY = "cac:TaxCategory[cac:TaxScheme/cbc:ID='VAT']"
    static final String AMOUNTS = ['Amount', 'BaseAmount', 'PriceAmount', 'TaxAmount', 'TaxableAmount',
                                   'LineExtensionAmount', 'TaxExclusiveAmount', 'TaxInclusiveAmount',
                                   'AllowanceTotalAmount', 'ChargeTotalAmount', 'PrepaidAmount',
                                   'PayableRoundingAmount', 'PayableAmount'].collect { "//cbc:$it" }.join(' | ')

    static final List<Rule> RULES = [
            // ---- EN 16931: the document -----------------------------------------------------------------------
            present('BR-01', 'An Invoice shall have a Specification identifier (BT-24).', 'cbc:CustomizationID'),
            present('BR-02', 'An Invoice shall have an Invoice number (BT-1).', 'cbc:ID'),
            present('BR-03', 'An Invoice shall have an Invoice issue date (BT-2).', 'cbc:IssueDate'),
            rule('BR-04', 'An Invoice shall have an Invoice type code (BT-3).') { Doc d ->
                d.has(d.credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode') ? [] : ['no type code']
            },
            present('BR-05', 'An Invoice shall have an Invoice currency code (BT-5).', 'cbc:DocumentCurrencyCode'),
            present('BR-06', 'An Invoice shall contain the Seller name (BT-27).',
                    'cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName'),
            present('BR-07', 'An Invoice shall contain the Buyer name (BT-44).',
                    'cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName'),
            rule('BR-08', 'An Invoice shall contain the Seller postal address (BG-5).') { Doc d ->
                d.node('cac:AccountingSupplierParty/cac:Party/cac:PostalAddress') ? [] : ['no seller postal address']
            },
            present('BR-09', 'The Seller postal address (BG-5) shall contain a Seller country code (BT-40).',
                    'cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode'),
            rule('BR-10', 'An Invoice shall contain the Buyer postal address (BG-8).') { Doc d ->
                d.node('cac:AccountingCustomerParty/cac:Party/cac:PostalAddress') ? [] : ['no buyer postal address']
            },
            present('BR-11', 'The Buyer postal address shall contain a Buyer country code (BT-55).',
                    'cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode'),
            present('BR-12', 'An Invoice shall have the Sum of Invoice line net amount (BT-106).', "$LMT/cbc:LineExtensionAmount"),
            present('BR-13', 'An Invoice shall have the Invoice total amount without VAT (BT-109).', "$LMT/cbc:TaxExclusiveAmount"),
            present('BR-14', 'An Invoice shall have the Invoice total amount with VAT (BT-112).', "$LMT/cbc:TaxInclusiveAmount"),
            present('BR-15', 'An Invoice shall have the Amount due for payment (BT-115).', "$LMT/cbc:PayableAmount"),
            rule('BR-16', 'An Invoice shall have at least one Invoice line (BG-25).') { Doc d ->
                d.lines() ? [] : ['no line']
            },
            // ---- the lines ------------------------------------------------------------------------------------
            eachHas('BR-21', 'Each Invoice line (BG-25) shall have an Invoice line identifier (BT-126).', LINES, 'cbc:ID'),
            eachHas('BR-22', 'Each Invoice line (BG-25) shall have an Invoiced quantity (BT-129).', LINES,
                    'cbc:InvoicedQuantity | cbc:CreditedQuantity'),
            rule('BR-23', 'An Invoice line (BG-25) shall have an Invoiced quantity unit of measure code (BT-130).') { Doc d ->
                d.lines().findAll { !d.has('cbc:InvoicedQuantity/@unitCode | cbc:CreditedQuantity/@unitCode', it) }
                        .collect { "line ${d.text('cbc:ID', it)} has no unit code".toString() }
            },
            eachHas('BR-24', 'Each Invoice line (BG-25) shall have an Invoice line net amount (BT-131).', LINES,
                    'cbc:LineExtensionAmount'),
            eachHas('BR-25', 'Each Invoice line (BG-25) shall contain the Item name (BT-153).', LINES, 'cac:Item/cbc:Name'),
            eachHas('BR-26', 'Each Invoice line (BG-25) shall contain the Item net price (BT-146).', LINES,
                    'cac:Price/cbc:PriceAmount'),
            rule('BR-27', 'The Item net price (BT-146) shall NOT be negative.') { Doc d ->
                d.nodes('(cac:InvoiceLine | cac:CreditNoteLine)/cac:Price/cbc:PriceAmount')
                        .findAll { (Doc.number(it) ?: 0.0G) < 0 }.collect { "price ${it.textContent}".toString() }
            },
            rule('BR-29', 'If both Invoicing period start date (BT-73) and end date (BT-74) are given then the end date shall be later or equal to the start date.') { Doc d ->
                String from = d.text('cac:InvoicePeriod/cbc:StartDate'), to = d.text('cac:InvoicePeriod/cbc:EndDate')
                from && to && to < from ? ["period $from..$to".toString()] : []
            },
            rule('BR-CO-19', 'If Invoicing period (BG-14) is used, the Invoicing period start date (BT-73) or end date (BT-74) shall be filled, or both.') { Doc d ->
                d.nodes('cac:InvoicePeriod').findAll { !d.has('cbc:StartDate', it) && !d.has('cbc:EndDate', it) && !d.has('cbc:DescriptionCode', it) }
                        .collect { 'an invoicing period without dates' }
            },
            rule('BR-CO-04', 'Each Invoice line (BG-25) shall be categorized with an Invoiced item VAT category code (BT-151).') { Doc d ->
                d.lines().findAll { d.lineCategory(it) == null }.collect { "line ${d.text('cbc:ID', it)}".toString() }
            },
            // ---- the VAT breakdown -------------------------------------------------------------------------------
            eachHas('BR-45', 'Each VAT breakdown (BG-23) shall have a VAT category taxable amount (BT-116).',
                    'cac:TaxTotal/cac:TaxSubtotal', 'cbc:TaxableAmount'),
            eachHas('BR-46', 'Each VAT breakdown (BG-23) shall have a VAT category tax amount (BT-117).',
                    'cac:TaxTotal/cac:TaxSubtotal', 'cbc:TaxAmount'),
            eachHas('BR-47', 'Each VAT breakdown (BG-23) shall be defined through a VAT category code (BT-118).',
                    'cac:TaxTotal/cac:TaxSubtotal', "$VAT_SUBTOTAL_CATEGORY/cbc:ID"),
            rule('BR-48', 'Each VAT breakdown (BG-23) shall have a VAT category rate (BT-119), except if the Invoice is not subject to VAT.') { Doc d ->
                d.subtotals().findAll { d.subtotalCategory(it) != 'O' && !d.has("$VAT_SUBTOTAL_CATEGORY/cbc:Percent", it) }
                        .collect { "a ${d.subtotalCategory(it)} subtotal without rate".toString() }
            },
            rule('BR-CO-18', 'An Invoice shall at least have one VAT breakdown group (BG-23).') { Doc d ->
                d.subtotals() ? [] : ['no VAT breakdown']
            },
            rule('BR-CO-14', 'Invoice total VAT amount (BT-110) = Σ VAT category tax amount (BT-117).') { Doc d ->
                d.nodes('cac:TaxTotal[cac:TaxSubtotal]').collectMany { tt ->
                    equal('the total VAT', d.dec('cbc:TaxAmount', tt), d.sum('cac:TaxSubtotal/cbc:TaxAmount', tt))
                }
            },
            rule('BR-CO-17', 'VAT category tax amount (BT-117) = VAT category taxable amount (BT-116) x (VAT category rate (BT-119) / 100), rounded to two decimals.') { Doc d ->
                d.subtotals().collectMany { sub ->
                    BigDecimal taxable = d.dec('cbc:TaxableAmount', sub)
                    BigDecimal rate = d.dec("$VAT_SUBTOTAL_CATEGORY/cbc:Percent", sub) ?: 0.0G
                    taxable == null ? ['no taxable amount'] :
                            equal("the ${d.subtotalCategory(sub)} VAT", d.dec('cbc:TaxAmount', sub), cents(taxable * rate / 100))
                }
            },
            // ---- the totals -----------------------------------------------------------------------------------
            rule('BR-CO-10', 'Sum of Invoice line net amount (BT-106) = Σ Invoice line net amount (BT-131).') { Doc d ->
                equal('the sum of line net amounts', d.dec("$LMT/cbc:LineExtensionAmount"), d.sum("($LINES)/cbc:LineExtensionAmount"))
            },
            rule('BR-CO-13', 'Invoice total amount without VAT (BT-109) = Σ Invoice line net amount (BT-131) - Sum of allowances on document level (BT-107) + Sum of charges on document level (BT-108).') { Doc d ->
                equal('the total without VAT', d.dec("$LMT/cbc:TaxExclusiveAmount"), d.sum("($LINES)/cbc:LineExtensionAmount")
                        - (d.dec("$LMT/cbc:AllowanceTotalAmount") ?: 0.0G) + (d.dec("$LMT/cbc:ChargeTotalAmount") ?: 0.0G))
            },
            rule('BR-CO-15', 'Invoice total amount with VAT (BT-112) = Invoice total amount without VAT (BT-109) + Invoice total VAT amount (BT-110).') { Doc d ->
                BigDecimal vat = d.dec("cac:TaxTotal/cbc:TaxAmount[@currencyID='${d.currency()}']") ?: 0.0G
                equal('the total with VAT', d.dec("$LMT/cbc:TaxInclusiveAmount"), (d.dec("$LMT/cbc:TaxExclusiveAmount") ?: 0.0G) + vat)
            },
            rule('BR-CO-16', 'Amount due for payment (BT-115) = Invoice total amount with VAT (BT-112) - Paid amount (BT-113) + Rounding amount (BT-114).') { Doc d ->
                equal('the amount due', d.dec("$LMT/cbc:PayableAmount"), (d.dec("$LMT/cbc:TaxInclusiveAmount") ?: 0.0G)
                        - (d.dec("$LMT/cbc:PrepaidAmount") ?: 0.0G) + (d.dec("$LMT/cbc:PayableRoundingAmount") ?: 0.0G))
            },
            rule('BR-CO-25', 'In case the Amount due for payment (BT-115) is positive, either the Payment due date (BT-9) or the Payment terms (BT-20) shall be present.') { Doc d ->
                BigDecimal due = d.dec("$LMT/cbc:PayableAmount")
                boolean dated = d.has(d.credit ? 'cac:PaymentMeans/cbc:PaymentDueDate' : 'cbc:DueDate') || d.has('cac:PaymentTerms/cbc:Note')
                due != null && due > 0 && !dated ? ["$due due without due date or payment terms".toString()] : []
            },
            twoDecimals('BR-DEC-09', 'The allowed maximum number of decimals for the Sum of Invoice line net amount (BT-106) is 2.', "$LMT/cbc:LineExtensionAmount"),
            twoDecimals('BR-DEC-12', 'The allowed maximum number of decimals for the Invoice total amount without VAT (BT-109) is 2.', "$LMT/cbc:TaxExclusiveAmount"),
            twoDecimals('BR-DEC-13', 'The allowed maximum number of decimals for the Invoice total VAT amount (BT-110) is 2.', 'cac:TaxTotal/cbc:TaxAmount'),
            twoDecimals('BR-DEC-14', 'The allowed maximum number of decimals for the Invoice total amount with VAT (BT-112) is 2.', "$LMT/cbc:TaxInclusiveAmount"),
            twoDecimals('BR-DEC-18', 'The allowed maximum number of decimals for the Amount due for payment (BT-115) is 2.', "$LMT/cbc:PayableAmount"),
            twoDecimals('BR-DEC-19', 'The allowed maximum number of decimals for the VAT category taxable amount (BT-116) is 2.', 'cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount'),
            twoDecimals('BR-DEC-20', 'The allowed maximum number of decimals for the VAT category tax amount (BT-117) is 2.', 'cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount'),
            twoDecimals('BR-DEC-23', 'The allowed maximum number of decimals for the Invoice line net amount (BT-131) is 2.', "($LINES)/cbc:LineExtensionAmount"),
            // ---- parties and payment --------------------------------------------------------------------------
            rule('BR-CO-09', 'The Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48) shall have a prefix in accordance with ISO 3166-1 alpha-2 (Greece may use EL).') { Doc d ->
                d.nodes("//cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID")
                        .findAll { it.textContent.trim().length() < 2 || !(it.textContent.trim().substring(0, 2) in ISO_COUNTRIES) }
                        .collect { "VAT identifier ${it.textContent.trim()}".toString() }
            },
            rule('BR-CO-26', 'The Seller identifier (BT-29), the Seller legal registration identifier (BT-30) and/or the Seller VAT identifier (BT-31) shall be present.') { Doc d ->
                Node s = d.seller()
                s != null && (d.has('cac:PartyIdentification/cbc:ID', s) || d.has('cac:PartyLegalEntity/cbc:CompanyID', s) || d.vatId(s)) ? [] : ['the seller is not identified']
            },
            rule('BR-62', 'The Seller electronic address (BT-34) shall have a Scheme identifier.') { Doc d ->
                d.nodes('cac:AccountingSupplierParty/cac:Party/cbc:EndpointID').findAll { !d.has('@schemeID', it) }.collect { 'seller endpoint without scheme' }
            },
            rule('BR-63', 'The Buyer electronic address (BT-49) shall have a Scheme identifier.') { Doc d ->
                d.nodes('cac:AccountingCustomerParty/cac:Party/cbc:EndpointID').findAll { !d.has('@schemeID', it) }.collect { 'buyer endpoint without scheme' }
            },
            eachHas('BR-49', 'A Payment instruction (BG-16) shall specify the Payment means type code (BT-81).', 'cac:PaymentMeans', 'cbc:PaymentMeansCode'),
            eachHas('BR-50', 'A Payment account identifier (BT-84) shall be present if Credit transfer (BG-17) information is provided in the Invoice.',
                    "cac:PaymentMeans[cbc:PaymentMeansCode='30' or cbc:PaymentMeansCode='58']/cac:PayeeFinancialAccount", 'cbc:ID'),
            eachHas('BR-61', 'If the Payment means type code (BT-81) means SEPA credit transfer, Local credit transfer or Non-SEPA international credit transfer, the Payment account identifier (BT-84) shall be present.',
                    "cac:PaymentMeans[cbc:PaymentMeansCode='30' or cbc:PaymentMeansCode='58']", 'cac:PayeeFinancialAccount/cbc:ID'),
            eachHas('BR-55', 'Each Preceding Invoice reference (BG-3) shall contain a Preceding Invoice reference (BT-25).',
                    'cac:BillingReference', 'cac:InvoiceDocumentReference/cbc:ID'),
            // ---- not subject to VAT (O) ------------------------------------------------------------------------
            rule('BR-O-01', 'An Invoice with a line, allowance or charge "Not subject to VAT" shall contain exactly one VAT breakdown group (BG-23) "Not subject to VAT".') { Doc d ->
                d.usesCategory('O') && d.subtotalsOf('O').size() != 1 ? ["${d.subtotalsOf('O').size()} O subtotals".toString()] : []
            },
            rule('BR-O-02', 'An Invoice with a line "Not subject to VAT" shall not contain the Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) or the Buyer VAT identifier (BT-48).') { Doc d ->
                boolean o = d.lines().any { d.lineCategory(it) == 'O' }
                o && (d.vatId(d.seller()) || d.vatId(d.buyer()) || d.has("cac:TaxRepresentativeParty/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID"))
                        ? ['a VAT identifier on a document not subject to VAT'] : []
            },
            rule('BR-O-05', 'An Invoice line (BG-25) "Not subject to VAT" shall not contain an Invoiced item VAT rate (BT-152).') { Doc d ->
                d.lines().findAll { d.lineCategory(it) == 'O' && d.lineRate(it) != null }.collect { "line ${d.text('cbc:ID', it)} has a rate".toString() }
            },
            rule('BR-O-08', 'In a VAT breakdown "Not subject to VAT" the taxable amount (BT-116) shall equal the sum of line net amounts minus allowances plus charges "Not subject to VAT".') { Doc d ->
                d.subtotalsOf('O').collectMany { sub ->
                    equal('the O taxable amount', d.dec('cbc:TaxableAmount', sub), d.lines().findAll { d.lineCategory(it) == 'O' }
                            .collect { d.dec('cbc:LineExtensionAmount', it) ?: 0.0G }.sum(0.0G) as BigDecimal
                            - d.allowancesOrCharges(false, 'O') + d.allowancesOrCharges(true, 'O'))
                }
            },
            rule('BR-O-09', 'The VAT category tax amount (BT-117) in a VAT breakdown "Not subject to VAT" shall be 0 (zero).') { Doc d ->
                d.subtotalsOf('O').collectMany { equal('the O VAT', d.dec('cbc:TaxAmount', it), 0.0G) }
            },
            rule('BR-O-10', 'A VAT breakdown "Not subject to VAT" shall have a VAT exemption reason code (BT-121) or text (BT-120).') { Doc d ->
                d.subtotalsOf('O').findAll { !d.has("$VAT_SUBTOTAL_CATEGORY/cbc:TaxExemptionReason", it) && !d.has("$VAT_SUBTOTAL_CATEGORY/cbc:TaxExemptionReasonCode", it) }
                        .collect { 'an O subtotal without exemption reason' }
            },
            rule('BR-O-11', 'An Invoice with a VAT breakdown "Not subject to VAT" shall not contain other VAT breakdown groups.') { Doc d ->
                d.subtotalsOf('O') && d.subtotals().any { d.subtotalCategory(it) != 'O' } ? ['O beside other VAT categories'] : []
            },
            rule('BR-O-12', 'An Invoice with a VAT breakdown "Not subject to VAT" shall not contain a line whose VAT category (BT-151) is not "Not subject to VAT".') { Doc d ->
                d.subtotalsOf('O') ? d.lines().findAll { d.lineCategory(it) != 'O' }.collect { "line ${d.text('cbc:ID', it)} is ${d.lineCategory(it)}".toString() } : []
            },
            // ---- exempt (E) -----------------------------------------------------------------------------------
            rule('BR-E-01', 'An Invoice with a line, allowance or charge "Exempt from VAT" shall contain exactly one VAT breakdown group "Exempt from VAT".') { Doc d ->
                d.usesCategory('E') && d.subtotalsOf('E').size() != 1 ? ["${d.subtotalsOf('E').size()} E subtotals".toString()] : []
            },
            rule('BR-E-02', 'An Invoice with a line "Exempt from VAT" shall contain the Seller VAT identifier (BT-31), tax registration identifier (BT-32) and/or tax representative VAT identifier (BT-63).') { Doc d ->
                d.lines().any { d.lineCategory(it) == 'E' } && !d.sellerTaxIdentified() ? ['the exempt seller has no VAT identifier'] : []
            },
            rule('BR-E-05', 'In an Invoice line "Exempt from VAT" the Invoiced item VAT rate (BT-152) shall be 0 (zero).') { Doc d ->
                d.lines().findAll { d.lineCategory(it) == 'E' && d.lineRate(it)?.compareTo(0.0G) != 0 }.collect { "line ${d.text('cbc:ID', it)} rate ${d.lineRate(it)}".toString() }
            },
            rule('BR-E-08', 'In a VAT breakdown "Exempt from VAT" the taxable amount (BT-116) shall equal the sum of line net amounts minus allowances plus charges "Exempt from VAT".') { Doc d ->
                d.subtotalsOf('E').collectMany { sub ->
                    equal('the E taxable amount', d.dec('cbc:TaxableAmount', sub), d.lines().findAll { d.lineCategory(it) == 'E' }
                            .collect { d.dec('cbc:LineExtensionAmount', it) ?: 0.0G }.sum(0.0G) as BigDecimal
                            - d.allowancesOrCharges(false, 'E') + d.allowancesOrCharges(true, 'E'))
                }
            },
            rule('BR-E-09', 'The VAT category tax amount (BT-117) in a VAT breakdown "Exempt from VAT" shall equal 0 (zero).') { Doc d ->
                d.subtotalsOf('E').collectMany { equal('the E VAT', d.dec('cbc:TaxAmount', it), 0.0G) }
            },
            rule('BR-E-10', 'A VAT breakdown "Exempt from VAT" shall have a VAT exemption reason code (BT-121) or text (BT-120).') { Doc d ->
                d.subtotalsOf('E').findAll { !d.has("$VAT_SUBTOTAL_CATEGORY/cbc:TaxExemptionReason", it) && !d.has("$VAT_SUBTOTAL_CATEGORY/cbc:TaxExemptionReasonCode", it) }
                        .collect { 'an E subtotal without exemption reason' }
            },
            // ---- standard rated (S) ---------------------------------------------------------------------------
            rule('BR-S-01', 'An Invoice with a line, allowance or charge "Standard rated" shall contain in the VAT breakdown at least one category "Standard rated".') { Doc d ->
                d.usesCategory('S') && !d.subtotalsOf('S') ? ['standard rated lines without an S subtotal'] : []
            },
            rule('BR-S-02', 'An Invoice with a line "Standard rated" shall contain the Seller VAT identifier (BT-31), tax registration identifier (BT-32) and/or tax representative VAT identifier (BT-63).') { Doc d ->
                d.lines().any { d.lineCategory(it) == 'S' } && !d.sellerTaxIdentified() ? ['the seller has no VAT identifier'] : []
            },
            rule('BR-S-05', 'In an Invoice line "Standard rated" the Invoiced item VAT rate (BT-152) shall be greater than zero.') { Doc d ->
                d.lines().findAll { d.lineCategory(it) == 'S' && !(d.lineRate(it) > 0) }.collect { "line ${d.text('cbc:ID', it)} rate ${d.lineRate(it)}".toString() }
            },
            rule('BR-S-08', 'For each rate of a VAT breakdown "Standard rated", the taxable amount (BT-116) shall equal the sum of the "Standard rated" line net amounts at that rate plus charges minus allowances.') { Doc d ->
                d.subtotalsOf('S').collectMany { sub ->
                    BigDecimal rate = d.dec("$VAT_SUBTOTAL_CATEGORY/cbc:Percent", sub)
                    equal("the S $rate % taxable amount", d.dec('cbc:TaxableAmount', sub), d.lines()
                            .findAll { d.lineCategory(it) == 'S' && d.lineRate(it) != null && rate != null && d.lineRate(it).compareTo(rate) == 0 }
                            .collect { d.dec('cbc:LineExtensionAmount', it) ?: 0.0G }.sum(0.0G) as BigDecimal
                            + d.allowancesOrCharges(true, 'S', rate) - d.allowancesOrCharges(false, 'S', rate))
                }
            },
            rule('BR-S-09', 'The VAT category tax amount (BT-117) in a VAT breakdown "Standard rated" shall equal the taxable amount (BT-116) multiplied by the rate (BT-119).') { Doc d ->
                d.subtotalsOf('S').collectMany { sub ->
                    BigDecimal taxable = d.dec('cbc:TaxableAmount', sub), rate = d.dec("$VAT_SUBTOTAL_CATEGORY/cbc:Percent", sub)
                    taxable == null || rate == null ? ['no taxable amount or rate'] : equal('the S VAT', d.dec('cbc:TaxAmount', sub), cents(taxable * rate / 100))
                }
            },
            rule('BR-S-10', 'A VAT breakdown "Standard rated" shall not have a VAT exemption reason code (BT-121) or text (BT-120).') { Doc d ->
                d.subtotalsOf('S').findAll { d.has("$VAT_SUBTOTAL_CATEGORY/cbc:TaxExemptionReason", it) || d.has("$VAT_SUBTOTAL_CATEGORY/cbc:TaxExemptionReasonCode", it) }
                        .collect { 'a standard rated subtotal with an exemption reason' }
            },
            // ---- PEPPOL ---------------------------------------------------------------------------------------
            present('PEPPOL-EN16931-R001', 'Business process MUST be provided.', 'cbc:ProfileID'),
            rule('PEPPOL-EN16931-R002', 'No more than one note is allowed on document level, unless both the buyer and seller are German organizations.') { Doc d ->
                d.nodes('cbc:Note').size() > 1 && !(d.country(d.seller()) == 'DE' && d.country(d.buyer()) == 'DE') ? ["${d.nodes('cbc:Note').size()} notes".toString()] : []
            },
            rule('PEPPOL-EN16931-R003', 'A buyer reference or purchase order reference MUST be provided.') { Doc d ->
                d.has('cbc:BuyerReference') || d.has('cac:OrderReference/cbc:ID') ? [] : ['neither BuyerReference nor OrderReference']
            },
            rule('PEPPOL-EN16931-R004', "Specification identifier MUST have the value 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0'.") { Doc d ->
                d.text('cbc:CustomizationID')?.startsWith(UblDocument.CUSTOMIZATION_ID) ? [] : ["CustomizationID ${d.text('cbc:CustomizationID')}".toString()]
            },
            rule('PEPPOL-EN16931-R005', 'VAT accounting currency code MUST be different from invoice currency code when provided.') { Doc d ->
                d.has('cbc:TaxCurrencyCode') && d.text('cbc:TaxCurrencyCode') == d.currency() ? ['TaxCurrencyCode equals DocumentCurrencyCode'] : []
            },
            rule('PEPPOL-EN16931-R007', "Business process MUST be in the format 'urn:fdc:peppol.eu:2017:poacc:billing:NN:1.0' where NN indicates the process number.") { Doc d ->
                d.text('cbc:ProfileID') ==~ /urn:fdc:peppol\.eu:2017:poacc:billing:\d{2}:1\.0/ ? [] : ["ProfileID ${d.text('cbc:ProfileID')}".toString()]
            },
            rule('PEPPOL-EN16931-R008', 'Document MUST not contain empty elements.') { Doc d ->
                d.nodes('//*[not(*) and not(normalize-space())]').collect { "empty ${it.nodeName}".toString() }
            },
            rule('PEPPOL-EN16931-R010', 'Buyer electronic address MUST be provided') { Doc d ->
                d.has('cbc:EndpointID', d.buyer() ?: d.root) && d.buyer() ? [] : ['no buyer EndpointID']
            },
            rule('PEPPOL-EN16931-R020', 'Seller electronic address MUST be provided') { Doc d ->
                d.has('cbc:EndpointID', d.seller() ?: d.root) && d.seller() ? [] : ['no seller EndpointID']
            },
            rule('PEPPOL-EN16931-R040', 'Allowance/charge amount must equal base amount * percentage/100 if base amount and percentage exists') { Doc d ->
                d.nodes('//cac:AllowanceCharge[cbc:MultiplierFactorNumeric and cbc:BaseAmount]').collectMany { ac ->
                    equal('the allowance/charge amount', d.dec('cbc:Amount', ac) ?: 0.0G,
                            cents(d.dec('cbc:BaseAmount', ac) * d.dec('cbc:MultiplierFactorNumeric', ac) / 100))
                }
            },
            rule('PEPPOL-EN16931-R041', 'Allowance/charge base amount MUST be provided when allowance/charge percentage is provided.') { Doc d ->
                d.nodes('//cac:AllowanceCharge[cbc:MultiplierFactorNumeric and not(cbc:BaseAmount)]').collect { 'a percentage without base amount' }
            },
            rule('PEPPOL-EN16931-R043', "Allowance/charge ChargeIndicator value MUST equal 'true' or 'false'") { Doc d ->
                d.nodes('//cac:AllowanceCharge').findAll { !(d.text('cbc:ChargeIndicator', it) in ['true', 'false']) }
                        .collect { "ChargeIndicator ${d.text('cbc:ChargeIndicator', it)}".toString() }
            },
            rule('PEPPOL-EN16931-R046', 'Item net price MUST equal (Gross price - Allowance amount) when gross price is provided.') { Doc d ->
                d.nodes('//cac:Price/cac:AllowanceCharge[cbc:BaseAmount]').collectMany { ac ->
                    equal('the net price', d.dec('../cbc:PriceAmount', ac), d.dec('cbc:BaseAmount', ac) - (d.dec('cbc:Amount', ac) ?: 0.0G))
                }
            },
            rule('PEPPOL-EN16931-R051', 'All currencyID attributes must have the same value as the invoice currency code (BT-5), except for the invoice total VAT amount in accounting currency (BT-111).') { Doc d ->
                String taxCurrency = d.text('cbc:TaxCurrencyCode')
                d.nodes(AMOUNTS).findAll { Node n ->
                    String c = (n as Element).getAttribute('currencyID')
                    boolean accountingVat = n.localName == 'TaxAmount' && n.parentNode.localName == 'TaxTotal' &&
                            !d.node('cac:TaxSubtotal', n.parentNode) && taxCurrency != null && c == taxCurrency
                    c != d.currency() && !accountingVat
                }.collect { "${it.localName} in ${(it as Element).getAttribute('currencyID')}".toString() }
            },
            rule('PEPPOL-EN16931-R053', 'Only one tax total with tax subtotals MUST be provided.') { Doc d ->
                d.nodes('cac:TaxTotal[cac:TaxSubtotal]').size() == 1 ? [] : ["${d.nodes('cac:TaxTotal[cac:TaxSubtotal]').size()} tax totals with subtotals".toString()]
            },
            rule('PEPPOL-EN16931-R061', 'Mandate reference MUST be provided for direct debit.') { Doc d ->
                d.nodes("cac:PaymentMeans[cbc:PaymentMeansCode='49' or cbc:PaymentMeansCode='59']").findAll { !d.has('cac:PaymentMandate/cbc:ID', it) }
                        .collect { 'direct debit without mandate' }
            },
            rule('PEPPOL-EN16931-R080', 'Only one project reference is allowed on document level') { Doc d ->
                d.nodes("cac:AdditionalDocumentReference[cbc:DocumentTypeCode='50']").size() > 1 ? ['several project references'] : []
            },
            rule('PEPPOL-EN16931-R110', 'Start date of line period MUST be within invoice period.') { Doc d ->
                String from = d.text('cac:InvoicePeriod/cbc:StartDate')
                from == null ? [] : d.nodes("($LINES)/cac:InvoicePeriod/cbc:StartDate").findAll { it.textContent.trim() < from }
                        .collect { "line period starts ${it.textContent.trim()}".toString() }
            },
            rule('PEPPOL-EN16931-R111', 'End date of line period MUST be within invoice period.') { Doc d ->
                String to = d.text('cac:InvoicePeriod/cbc:EndDate')
                to == null ? [] : d.nodes("($LINES)/cac:InvoicePeriod/cbc:EndDate").findAll { it.textContent.trim() > to }
                        .collect { "line period ends ${it.textContent.trim()}".toString() }
            },
            rule('PEPPOL-EN16931-R120', 'Invoice line net amount MUST equal (Invoiced quantity * (Item net price/item price base quantity) + Sum of invoice line charge amount - sum of invoice line allowance amount') { Doc d ->
                d.lines().collectMany { line ->
                    BigDecimal q = d.dec('cbc:InvoicedQuantity | cbc:CreditedQuantity', line) ?: 0.0G
                    BigDecimal price = d.dec('cac:Price/cbc:PriceAmount', line) ?: 0.0G
                    BigDecimal base = d.dec('cac:Price/cbc:BaseQuantity', line) ?: 1.0G
                    BigDecimal charges = d.sum("cac:AllowanceCharge[cbc:ChargeIndicator='true']/cbc:Amount", line)
                    BigDecimal allowances = d.sum("cac:AllowanceCharge[cbc:ChargeIndicator='false']/cbc:Amount", line)
                    base.signum() == 0 ? [] : equal("line ${d.text('cbc:ID', line)}'s net amount", d.dec('cbc:LineExtensionAmount', line),
                            cents(q * price / base + charges - allowances))
                }
            },
            rule('PEPPOL-EN16931-R121', 'Base quantity MUST be a positive number above zero.') { Doc d ->
                d.lines().findAll { d.has('cac:Price/cbc:BaseQuantity', it) && !((d.dec('cac:Price/cbc:BaseQuantity', it) ?: 0.0G) > 0) }
                        .collect { "line ${d.text('cbc:ID', it)}".toString() }
            },
            rule('PEPPOL-EN16931-R130', 'Unit code of price base quantity MUST be same as invoiced quantity.') { Doc d ->
                d.lines().findAll { d.has('cac:Price/cbc:BaseQuantity/@unitCode', it) &&
                        d.text('cac:Price/cbc:BaseQuantity/@unitCode', it) != d.text('cbc:InvoicedQuantity/@unitCode | cbc:CreditedQuantity/@unitCode', it) }
                        .collect { "line ${d.text('cbc:ID', it)}".toString() }
            },
            rule('PEPPOL-EN16931-P0100', 'Invoice type code MUST be set according to the profile.') { Doc d ->
                d.credit || d.text('cbc:InvoiceTypeCode') in INVOICE_TYPES ? [] : ["InvoiceTypeCode ${d.text('cbc:InvoiceTypeCode')}".toString()]
            },
            rule('PEPPOL-EN16931-P0101', 'Credit note type code MUST be set according to the profile.') { Doc d ->
                !d.credit || d.text('cbc:CreditNoteTypeCode') in CREDIT_NOTE_TYPES ? [] : ["CreditNoteTypeCode ${d.text('cbc:CreditNoteTypeCode')}".toString()]
            },
            rule('PEPPOL-COMMON-R049', 'Swedish organization number MUST be stated in the correct format.') { Doc d ->
                d.nodes("//cbc:EndpointID[@schemeID='0007'] | //cac:PartyIdentification/cbc:ID[@schemeID='0007'] | //cbc:CompanyID[@schemeID='0007']")
                        .findAll { !orgnr(it.textContent.trim()) }.collect { "${it.localName} ${it.textContent.trim()}".toString() }
            },
            // ---- Sweden ---------------------------------------------------------------------------------------
            rule('SE-R-001', 'For Swedish suppliers, Swedish VAT-numbers must consist of 14 characters.') { Doc d ->
                d.swedishVatSeller() && d.vatId(d.seller()).length() != 14 ? ["VAT number ${d.vatId(d.seller())}".toString()] : []
            },
            rule('SE-R-002', 'For Swedish suppliers, the Swedish VAT-numbers must have the trailing 12 characters in numeric form') { Doc d ->
                d.swedishVatSeller() && !(d.vatId(d.seller()).drop(2).take(12) ==~ /\d{1,12}/) ? ["VAT number ${d.vatId(d.seller())}".toString()] : []
            },
            rule('SE-R-003', 'Swedish organisation numbers should be numeric.') { Doc d ->
                String id = d.swedishSeller() ? d.text('cac:PartyLegalEntity/cbc:CompanyID', d.seller()) : null
                id != null && !(id ==~ /\d+/) ? ["organisation number $id".toString()] : []
            },
            rule('SE-R-004', 'Swedish organisation numbers consist of 10 characters.') { Doc d ->
                String id = d.swedishSeller() ? d.text('cac:PartyLegalEntity/cbc:CompanyID', d.seller()) : null
                id != null && id.length() != 10 ? ["organisation number $id".toString()] : []
            },
            rule('SE-R-005', "For Swedish suppliers, when using Seller tax registration identifier, 'Godkänd för F-skatt' must be stated") { Doc d ->
                Node s = d.seller()
                d.swedishSeller() && d.has('cac:PartyLegalEntity/cbc:CompanyID', s) ?
                        d.nodes("cac:PartyTaxScheme[not(cac:TaxScheme/cbc:ID='VAT')]/cbc:CompanyID", s)
                                .findAll { it.textContent.trim().toUpperCase(new Locale('sv')) != 'GODKÄND FÖR F-SKATT' }
                                .collect { "tax registration ${it.textContent.trim()}".toString() } : []
            },
            rule('SE-R-006', 'For Swedish suppliers, only standard VAT rate of 6, 12 or 25 are used') { Doc d ->
                d.swedishVatSeller() ? d.nodes("//cac:TaxCategory[cbc:ID='S'] | //cac:ClassifiedTaxCategory[cbc:ID='S']")
                        .findAll { n -> !SWEDISH_RATES.any { d.dec('cbc:Percent', n)?.compareTo(it) == 0 } }.collect { "rate ${d.text('cbc:Percent', it)}".toString() } : []
            },
            warning('SE-R-007', 'For Swedish suppliers using Plusgiro, the Account ID must be numeric') { Doc d ->
                d.swedishSeller() ? d.nodes("cac:PaymentMeans[cbc:PaymentMeansCode='30' and cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID='SE:PLUSGIRO']/cac:PayeeFinancialAccount/cbc:ID")
                        .findAll { !(it.textContent.trim() ==~ /\d+/) }.collect { "plusgiro ${it.textContent.trim()}".toString() } : []
            },
            warning('SE-R-008', 'For Swedish suppliers using Bankgiro, the Account ID must be numeric') { Doc d ->
                d.swedishSeller() ? d.nodes("cac:PaymentMeans[cbc:PaymentMeansCode='30' and cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID='SE:BANKGIRO']/cac:PayeeFinancialAccount/cbc:ID")
                        .findAll { !(it.textContent.trim() ==~ /\d+/) }.collect { "bankgiro ${it.textContent.trim()}".toString() } : []
            },
            warning('SE-R-009', 'For Swedish suppliers using Bankgiro, the Account ID must have 7-8 characters') { Doc d ->
                d.swedishSeller() ? d.nodes("cac:PaymentMeans[cbc:PaymentMeansCode='30' and cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID='SE:BANKGIRO']/cac:PayeeFinancialAccount/cbc:ID")
                        .findAll { !(it.textContent.trim().length() in [7, 8]) }.collect { "bankgiro ${it.textContent.trim()}".toString() } : []
            },
            warning('SE-R-010', 'For Swedish suppliers using Plusgiro, the Account ID must have 2-8 characters') { Doc d ->
                d.swedishSeller() ? d.nodes("cac:PaymentMeans[cbc:PaymentMeansCode='30' and cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID='SE:PLUSGIRO']/cac:PayeeFinancialAccount/cbc:ID")
                        .findAll { !(it.textContent.trim().length() in 2..8) }.collect { "plusgiro ${it.textContent.trim()}".toString() } : []
            },
            warning('SE-R-011', 'For Swedish suppliers using Swedish Bankgiro or Plusgiro, the proper way to indicate this is to use Code 30 for PaymentMeans and FinancialInstitutionBranch ID with code SE:BANKGIRO or SE:PLUSGIRO') { Doc d ->
                d.swedishSeller() ? d.nodes("cac:PaymentMeans[cbc:PaymentMeansCode='50' or cbc:PaymentMeansCode='56']").collect { "code ${d.text('cbc:PaymentMeansCode', it)}".toString() } : []
            },
            warning('SE-R-012', 'For domestic transactions between Swedish trading partners, credit transfer should be indicated by PaymentMeansCode="30"') { Doc d ->
                d.swedishSeller() && d.country(d.buyer()) == 'SE' ? d.nodes("cac:PaymentMeans[cbc:PaymentMeansCode='31']").collect { 'code 31 between Swedish parties' } : []
            },
            rule('SE-R-013', 'The last digit of a Swedish organization number must be valid according to the Luhn algorithm.') { Doc d ->
                String id = d.swedishSeller() ? d.text('cac:PartyLegalEntity/cbc:CompanyID', d.seller()) : null
                id != null && !(id ==~ /\d+/ && luhn(id)) ? ["organisation number $id".toString()] : []
            },
    ]

    private BisRules() {
    }

    static Set<String> ids() {
        RULES*.id as Set<String>
    }

    static Document parse(byte[] xml) {
        def factory = DocumentBuilderFactory.newDefaultInstance()
        factory.namespaceAware = true
        factory.setFeature('http://apache.org/xml/features/disallow-doctype-decl', true)
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml))
    }

    /** Every failure of every named rule, fatal and warning. */
    static List<Failure> check(byte[] xml) {
        check(parse(xml))
    }

    static List<Failure> check(Document dom) {
        Doc d = new Doc(dom)
        RULES.collectMany { Rule r -> r.check.call(d).collect { new Failure(r.id, r.flag, r.text, it) } }
    }
}
