package se.familycentre.einvoice

import javax.xml.transform.dom.DOMSource
import javax.xml.transform.stream.StreamResult
import javax.xml.transform.TransformerFactory
import org.w3c.dom.Attr
import org.w3c.dom.Document
import org.w3c.dom.Node
import se.familycentre.allocation.Sek
import se.familycentre.statement.EntityInvoicing
import se.familycentre.statement.Party
import se.familycentre.statement.Statement
import se.familycentre.statement.StatementDocument
import se.familycentre.statement.SwedishTerms
import se.familycentre.statement.Vat
import spock.lang.Specification
import spock.lang.Unroll

import static se.familycentre.einvoice.UblExamples.*
import static se.familycentre.statement.EntityInvoicing.VatTreatment.EXEMPT
import static se.familycentre.statement.EntityInvoicing.VatTreatment.OUTSIDE_SCOPE
import static se.familycentre.statement.EntityInvoicing.VatTreatment.STANDARD

/**
 * The e-invoice of an issued statement (PEPPOL BIS Billing 3.0, UBL 2.1): RULES §6 example A's
 * statements as Invoice and CreditNote under each VAT treatment of RULES §5, each valid against the
 * UBL 2.1 schema ({@link UblSchemas}), passing every named BIS rule ({@link BisRules}) and OpenPeppol's
 * own Schematron ({@link PeppolSchematron}); the amounts are the statement's, the VAT is
 * {@link Vat#of}, the lines are named as the PDF and CSV name them; broken documents fail with the
 * named rule, in both validators; drafts and internal statements are refused. The documents are
 * written to target/ubl-samples.
 */
class UblInvoiceSpec extends Specification {

    static final File SAMPLES = new File('target/ubl-samples')
    static final String CENTRE = 'RULES §6 example A'

    static final Statement O = regionOwes(OUTSIDE_SCOPE)
    static final Statement S = regionOwes(STANDARD)
    static final Statement E = regionOwes(EXEMPT)
    /** The region's claim of 1 309.52 (the alarm) on the municipality, paid to a plusgiro. */
    static final Statement ALARM = between(statements(parties(invoicing(OUTSIDE_SCOPE),
            invoicing(OUTSIDE_SCOPE, [bankgiro: null, plusgiro: '4711245-3', contactName: null, contactEmail: null,
                                      contactPhone: null]))), REGION, MUNICIPALITY)
    static final Statement NEGATIVE = withNegativeLine(regionOwes(STANDARD), 0)

    /** Every document the features check, by name. */
    static final Map<String, StatementDocument> DOCUMENTS = [
            'O invoice'                  : invoice(O),
            'O credit'                   : credit(O),
            'S invoice'                  : invoice(S),
            'S credit'                   : credit(S),
            'E invoice'                  : invoice(E),
            'E credit'                   : credit(E),
            'alarm, plusgiro'            : invoice(ALARM),
            'IBAN'                       : invoice(regionOwes(OUTSIDE_SCOPE, [bankgiro: null, iban: 'SE45 5000 0000 0583 9825 7466', bic: 'ESSESESS'])),
            'no account'                 : invoice(regionOwes(OUTSIDE_SCOPE, [bankgiro: null])),
            'no buyer reference'         : invoice(regionOwes(OUTSIDE_SCOPE, [:], null)),
            'PEPPOL id given'            : invoice(regionOwes(OUTSIDE_SCOPE, [peppolScheme: '0007', peppolId: '2120001561'])),
            'odd text, no address'       : invoice(oddText(O)),
            'negative line'              : invoice(NEGATIVE),
            'negative line, credit'      : credit(NEGATIVE),
            're-issue of a credited one' : invoice(O, '2025-0003', ['2025-0001']),
    ]

    /** The statement with a carriage return in the centre's name, markup and a line break in the parties', no buyer address. */
    static Statement oddText(Statement s) {
        def seller = s.creditor()
        def buyer = s.debtor()
        new Statement('\rCentre <&> "A"', s.period(),
                new Party(seller.organisationNumber(), 'Kommunen\nStaben & <ekonomi>', '\n Box 1 \r\n\nSE-123 45  Exempelstad\nSverige\nextra rad',
                        seller.reference(), seller.paymentTermsDays(), seller.costCentre(), seller.invoicing()),
                new Party(buyer.organisationNumber(), '\tRegionen\u0007', null, '  ', buyer.paymentTermsDays(), null,
                        buyer.invoicing()),
                s.debtorServices(), s.creditorServices(), s.lines(), s.sumsByPool(), s.total())
    }

    static final Map<String, byte[]> XML = DOCUMENTS.collectEntries { name, doc -> [(name): UblDocument.write(doc)] }

    def setupSpec() {
        SAMPLES.mkdirs()
        XML.each { name, xml -> new File(SAMPLES, name.replaceAll(/\W+/, '-') + '.xml').bytes = xml }
    }

    static BisRules.Doc read(String name) {
        new BisRules.Doc(BisRules.parse(XML[name]))
    }

    static List<BigDecimal> shares(Statement s) {
        s.lines().collect { Sek.decimal(it.share()) }
    }

    // ---- valid documents --------------------------------------------------------------------------------------

    @Unroll
    def "#name: valid against the UBL 2.1 schema, every named BIS rule and OpenPeppol's Schematron pass"() {
        when:
        List<String> schema = UblSchemas.problems(XML[name])
        List<BisRules.Failure> named = BisRules.check(XML[name])
        List<PeppolSchematron.Assert> official = PeppolSchematron.failures(XML[name])

        then:
        schema == []
        named == []
        official == []

        where:
        name << DOCUMENTS.keySet()
    }

    def "the same statement gives the same bytes"() {
        expect:
        DOCUMENTS.every { name, doc -> Arrays.equals(UblDocument.write(doc), XML[name]) }
        new String(XML['O invoice'], 'UTF-8').startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Invoice ')
    }

    def "example A outside the scope of VAT: an Invoice of 111 592.85 with category O, its reason, no VAT number of either party"() {
        given:
        def d = read('O invoice')

        expect: 'the header'
        d.root.localName == 'Invoice' && d.root.namespaceURI == UblDocument.INVOICE_NAMESPACE
        d.text('cbc:CustomizationID') == 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0'
        d.text('cbc:ProfileID') == 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0'
        d.text('cbc:ID') == '2025-0001'
        d.text('cbc:IssueDate') == '2025-04-02'
        d.text('cbc:DueDate') == '2025-05-02'
        d.text('cbc:InvoiceTypeCode') == '380'
        d.text('cbc:DocumentCurrencyCode') == 'SEK'
        d.text('cbc:BuyerReference') == 'Anna Ek'
        d.text('cbc:AccountingCost') == 'KST 100 familjecentraler'
        d.text('cac:InvoicePeriod/cbc:StartDate') == '2025-01-01' && d.text('cac:InvoicePeriod/cbc:EndDate') == '2025-03-31'

        and: 'the municipality sells, the region buys, each by organisationsnummer under 0007'
        d.text('cbc:EndpointID[@schemeID="0007"]', d.seller()) == '2120001561'
        d.text('cbc:EndpointID[@schemeID="0007"]', d.buyer()) == '2321000131'
        d.text('cac:PartyLegalEntity/cbc:CompanyID[@schemeID="0007"]', d.seller()) == '2120001561'
        d.text('cac:PartyLegalEntity/cbc:RegistrationName', d.seller()) == 'Kommunen'
        d.text('cac:PartyName/cbc:Name', d.buyer()) == 'Västra Götalandsregionen'
        d.text('cac:PostalAddress/cbc:StreetName', d.buyer()) == 'Fakturaadress (exempel)'
        d.text('cac:PostalAddress/cbc:AdditionalStreetName', d.buyer()) == 'FE 000, Box 000'
        d.text('cac:PostalAddress/cbc:PostalZone', d.buyer()) == '405 00'
        d.text('cac:PostalAddress/cbc:CityName', d.buyer()) == 'Göteborg'
        d.text('cac:PostalAddress/cac:Country/cbc:IdentificationCode', d.buyer()) == 'SE'
        d.text('cac:Contact/cbc:Name', d.seller()) == 'Eva Lind'
        d.text('cac:Contact/cbc:Telephone', d.seller()) == '031-123 45 67'
        d.text('cac:Contact/cbc:ElectronicMail', d.seller()) == 'ekonomi@kommunen.example.se'
        d.nodes('//cac:PartyTaxScheme').isEmpty()

        and: 'VAT outside scope: category O, no rate, VATEX-EU-O and the creditor\'s reason text, VAT 0'
        d.text('cac:TaxTotal/cbc:TaxAmount') == '0.00'
        d.text('cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount') == '111592.85'
        d.text('cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID') == 'O'
        !d.node('cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent')
        d.text('cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReasonCode') == 'VATEX-EU-O'
        d.text('cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReason') == EntityInvoicing.DEFAULT_OUTSIDE_SCOPE_REASON
        d.lines().every { d.lineCategory(it) == 'O' && d.lineRate(it) == null }

        and: 'the payable amount is the statement\'s total; the lines are its shares, in its order'
        ['LineExtensionAmount', 'TaxExclusiveAmount', 'TaxInclusiveAmount', 'PayableAmount'].every {
            d.dec("cac:LegalMonetaryTotal/cbc:$it") == Sek.decimal(O.total()) && d.dec("cac:LegalMonetaryTotal/cbc:$it") == 111592.85
        }
        d.nodes('//@currencyID')*.nodeValue.unique() == ['SEK']
        d.lines().size() == O.lines().size()
        d.lines().collect { d.dec('cbc:LineExtensionAmount', it) } == shares(O)
        d.lines().collect { d.text('cbc:ID', it) } == (1..O.lines().size())*.toString()
        d.lines().every { d.text('cbc:InvoicedQuantity', it) == '1' && d.text('cbc:InvoicedQuantity/@unitCode', it) == 'C62' }
        d.lines().every { d.dec('cac:Price/cbc:PriceAmount', it) == d.dec('cbc:LineExtensionAmount', it) }
    }

    def "the lines are named as the PDF and the CSV name them, and carry the service's cost centre"() {
        given:
        def d = read('O invoice')
        Map<String, String> names = SwedishTerms.lineNames(O.lines())
        Map<String, String> serviceNames = O.debtorServices().collectEntries { [(it.id()): it.name() ?: it.id()] }

        expect:
        d.lines().collect { d.text('cac:Item/cbc:Name', it) } ==
                O.lines().collect { "${names[it.lineId()]} – ${serviceNames[it.debtorService()]}".toString() }
        d.lines().collect { d.text('cac:Item/cac:SellersItemIdentification/cbc:ID', it) } == O.lines()*.lineId()
        d.lines().collect { d.text('cac:Item/cac:AdditionalItemProperty[cbc:Name="Pool"]/cbc:Value', it) } ==
                O.lines().collect { SwedishTerms.pool(it.pool()) }
        d.lines().collect { d.text('cbc:AccountingCost', it) } == O.lines().collect { COST_REFERENCES[it.debtorService()] }

        and: 'RULES §6: BMM and BVC each owe a quarter of the salary line'
        d.lines().findAll { d.text('cac:Item/cbc:Name', it).startsWith('Samordnarens lön') }
                .collect { d.dec('cbc:LineExtensionAmount', it) } == [31500.00, 31500.00]
        d.lines().findAll { d.text('cac:Item/cac:SellersItemIdentification/cbc:ID', it) == 'rent' }
                .collect { d.dec('cbc:LineExtensionAmount', it) } == [6171.43, 9257.14]
    }

    def "example A credited: a CreditNote of the same amounts, positive, citing the credited invoice's number and date"() {
        given:
        def d = read('O credit')
        def doc = DOCUMENTS['O credit']

        expect:
        d.root.localName == 'CreditNote' && d.root.namespaceURI == UblDocument.CREDIT_NOTE_NAMESPACE
        Sek.decimal(doc.statement().total()) == -111592.85
        d.text('cbc:ID') == '2025-0002'
        d.text('cbc:IssueDate') == '2025-04-20'
        d.text('cbc:CreditNoteTypeCode') == '381'
        !d.node('cbc:DueDate')
        d.text('cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID') == '2025-0001'
        d.text('cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate') == '2025-04-02'
        d.text('cac:PaymentMeans/cbc:PaymentDueDate') == doc.dueOn().toString()
        d.dec('cac:LegalMonetaryTotal/cbc:PayableAmount') == 111592.85
        d.dec('cac:TaxTotal/cbc:TaxAmount') == 0
        d.lines().collect { d.dec('cbc:LineExtensionAmount', it) } == shares(O)
        d.lines().every { d.text('cbc:CreditedQuantity', it) == '1' }
        d.text('cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID') == 'O'
        d.nodes('//cac:PartyTaxScheme').isEmpty()
        d.text('cbc:Note').contains('2025-0001')
    }

    def "a STANDARD creditor: 25 %, the VAT of Vat.of on the statement's net sum, both VAT numbers; the credit the same, positive"() {
        given:
        BigDecimal vat = Vat.of(Sek.decimal(S.total()), STANDARD)

        expect: '111 592.85 × 25 % = 27 898.2125 → 27 898.21, as the SIE postings and the PDF show'
        vat == 27898.21
        ['S invoice', 'S credit'].every { name ->
            def d = read(name)
            assert d.dec('cac:TaxTotal/cbc:TaxAmount') == vat
            assert d.dec('cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount') == vat
            assert d.dec('cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount') == 111592.85
            assert d.text('cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID') == 'S'
            assert d.dec('cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent') == 25
            assert !d.node('cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReason')
            assert d.lines().every { d.lineCategory(it) == 'S' && d.lineRate(it) == 25 }
            assert d.dec('cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount') == 111592.85
            assert d.dec('cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount') == 139491.06
            assert d.dec('cac:LegalMonetaryTotal/cbc:PayableAmount') == Sek.decimal(S.total()) + vat
            assert d.vatId(d.seller()) == 'SE212000156101'
            assert d.vatId(d.buyer()) == 'SE232100013101'
            true
        }
    }

    def "an EXEMPT creditor: category E at 0 % with the creditor's reason, the seller's VAT number only, VAT 0"() {
        expect:
        ['E invoice', 'E credit'].every { name ->
            def d = read(name)
            assert d.text('cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID') == 'E'
            assert d.dec('cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent') == 0
            assert d.text('cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReason') == REASON_EXEMPT
            assert d.dec('cac:TaxTotal/cbc:TaxAmount') == Vat.of(Sek.decimal(E.total()), EXEMPT)
            assert d.dec('cac:TaxTotal/cbc:TaxAmount') == 0
            assert d.dec('cac:LegalMonetaryTotal/cbc:PayableAmount') == 111592.85
            assert d.lines().every { d.lineCategory(it) == 'E' && d.lineRate(it) == 0 }
            assert d.vatId(d.seller()) == 'SE212000156101'
            assert d.vatId(d.buyer()) == null
            true
        }
    }

    def "a negative share is quantity -1 at a positive price (BR-27), in the invoice and in its credit note"() {
        given:
        BigDecimal first = Sek.decimal(NEGATIVE.lines()[0].share())
        BigDecimal vat = Vat.of(Sek.decimal(NEGATIVE.total()), STANDARD)

        expect:
        first == -31500.00
        ['negative line', 'negative line, credit'].every { name ->
            def d = read(name)
            def line = d.lines()[0]
            assert d.text('cbc:InvoicedQuantity | cbc:CreditedQuantity', line) == '-1'
            assert d.dec('cbc:LineExtensionAmount', line) == -31500.00
            assert d.dec('cac:Price/cbc:PriceAmount', line) == 31500.00
            assert d.lines().drop(1).every { d.text('cbc:InvoicedQuantity | cbc:CreditedQuantity', it) == '1' }
            assert d.dec('cac:LegalMonetaryTotal/cbc:LineExtensionAmount') == Sek.decimal(NEGATIVE.total())
            assert d.dec('cac:TaxTotal/cbc:TaxAmount') == vat
            assert d.dec('cac:LegalMonetaryTotal/cbc:PayableAmount') == Sek.decimal(NEGATIVE.total()) + vat
            true
        }
    }

    def "payment: bankgiro or plusgiro by code 30 with SE:BANKGIRO / SE:PLUSGIRO, else IBAN by code 58 with the BIC; the payment reference identifies the statement"() {
        expect:
        read(name).with { d ->
            assert d.text('cac:PaymentMeans/cbc:PaymentMeansCode') == code
            assert d.text('cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID') == account
            assert d.text('cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID') == branch
            assert d.text('cac:PaymentMeans/cbc:PaymentID') == (code ? UblDocument.paymentReference(DOCUMENTS[name]) : null)
            assert d.text('cac:PaymentTerms/cbc:Note').startsWith('Betalningsvillkor 30 dagar netto, förfallodag 2025-05-02.')
            true
        }

        where:
        name              | code | account                    | branch
        'O invoice'       | '30' | '50501055'                 | 'SE:BANKGIRO'
        'alarm, plusgiro' | '30' | '47112453'                 | 'SE:PLUSGIRO'
        'IBAN'            | '58' | 'SE4550000000058398257466' | 'ESSESESS'
        'no account'      | null | null                       | null
    }

    def "the payment reference: the creditor's organisationsnummer, the number's digits and a Luhn check digit"() {
        given:
        String invoiceReference = UblDocument.paymentReference(DOCUMENTS['O invoice'])
        String creditReference = UblDocument.paymentReference(DOCUMENTS['O credit'])
        String alarmReference = UblDocument.paymentReference(DOCUMENTS['alarm, plusgiro'])

        expect:
        invoiceReference ==~ /\d{19}/
        invoiceReference.length() == 19
        invoiceReference.startsWith('2120001561' + '20250001')
        BisRules.luhn(invoiceReference)
        creditReference.startsWith('2120001561' + '20250002') && BisRules.luhn(creditReference)
        alarmReference.startsWith('2321000131' + '20250001') && BisRules.luhn(alarmReference)
        invoiceReference != alarmReference
        new String(XML['O invoice'], 'UTF-8').contains("Ange betalningsreferens $invoiceReference vid betalning")

        when: 'a draft has no number'
        UblDocument.paymentReference(draft(O))

        then:
        thrown(IllegalArgumentException)
    }

    def "a debtor without a reference: the centre's name is the buyer reference (PEPPOL-EN16931-R003)"() {
        expect:
        read('no buyer reference').text('cbc:BuyerReference') == CENTRE
        read('O invoice').text('cbc:BuyerReference') == 'Anna Ek'
    }

    def "free text becomes one clean line; an address's lines fill the UBL address, the country is always SE"() {
        given:
        def d = read('odd text, no address')

        expect: 'control characters become spaces, markup is escaped, a blank reference falls back to the centre'
        d.text('cac:PartyName/cbc:Name', d.seller()) == 'Kommunen Staben & <ekonomi>'
        d.text('cac:PartyName/cbc:Name', d.buyer()) == 'Regionen'
        d.text('cbc:BuyerReference') == 'Centre <&> "A"'
        new String(XML['odd text, no address'], 'UTF-8').contains('Kommunen Staben &amp; &lt;ekonomi&gt;')

        and: 'the postal code line anywhere gives zone and town; other lines street, additional street, address line'
        d.text('cac:PostalAddress/cbc:StreetName', d.seller()) == 'Box 1'
        d.text('cac:PostalAddress/cbc:AdditionalStreetName', d.seller()) == 'extra rad'
        d.text('cac:PostalAddress/cbc:PostalZone', d.seller()) == '123 45'
        d.text('cac:PostalAddress/cbc:CityName', d.seller()) == 'Exempelstad'
        !d.node('cac:PostalAddress/cac:AddressLine', d.seller())

        and: 'no address at all: the country alone'
        d.nodes('cac:PostalAddress/*', d.buyer())*.localName == ['Country']
        d.text('cac:PostalAddress/cac:Country/cbc:IdentificationCode', d.buyer()) == 'SE'

        and: 'four lines before the postal code: the third and fourth share the address line'
        UblAddress.parse('A\nB\nC\nD\n405 00 Göteborg') == new UblAddress('A', 'B', 'Göteborg', '405 00', 'C, D')
        UblAddress.parse('Storgatan 1\n40500 Göteborg') == new UblAddress('Storgatan 1', null, 'Göteborg', '405 00', null)
        UblAddress.parse('Utan postnummer') == new UblAddress('Utan postnummer', null, null, null, null)
    }

    def "a given PEPPOL id is the endpoint; a re-issue cites the credited statement it replaces"() {
        expect:
        read('PEPPOL id given').text('cbc:EndpointID[@schemeID="0007"]', read('PEPPOL id given').seller()) == '2120001561'
        read('re-issue of a credited one').text('cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID') == '2025-0001'
        read('re-issue of a credited one').text('cbc:Note').contains('Ersätter krediterat fakturaunderlag 2025-0001')
    }

    def "drafts and internal statements are refused"() {
        given:
        Statement internal = statements(parties(invoicing(OUTSIDE_SCOPE))).find { it.internal() }

        when:
        UblDocument.write(draft(O))

        then:
        def draftRefused = thrown(IllegalArgumentException)
        draftRefused.message.contains('draft')

        when:
        UblDocument.write(invoice(internal))

        then:
        def internalRefused = thrown(IllegalArgumentException)
        internalRefused.message.contains('internal')

        when: 'its credit neither'
        UblDocument.write(credit(internal))

        then:
        thrown(IllegalArgumentException)
    }

    // ---- broken documents: each named rule can fail, and OpenPeppol's Schematron agrees ----------------------------

    /** A change to a document, on its DOM. */
    static Closure set(String path, String value) {
        return { BisRules.Doc d -> d.nodes(path).each { it.textContent = value } }
    }

    static Closure remove(String path) {
        return { BisRules.Doc d ->
            d.nodes(path).each { Node n -> n instanceof Attr ? (n as Attr).ownerElement.removeAttributeNode(n as Attr) : n.parentNode.removeChild(n) }
        }
    }

    static Closure duplicate(String path) {
        return { BisRules.Doc d ->
            d.nodes(path).each { Node n -> n.parentNode.insertBefore(n.cloneNode(true), n.nextSibling) }
        }
    }

    /** Appends UBL elements (prefixes cac and cbc) to the first node at the path. */
    static Closure add(String path, String fragment) {
        return { BisRules.Doc d ->
            Document f = BisRules.parse(("<f xmlns:cac='${BisRules.CAC}' xmlns:cbc='${BisRules.CBC}'>$fragment</f>").getBytes('UTF-8'))
            Node target = d.node(path)
            for (Node child = f.documentElement.firstChild; child != null; child = child.nextSibling) {
                target.appendChild(d.dom.importNode(child, true))
            }
        }
    }

    static Closure all(Closure... changes) {
        return { BisRules.Doc d -> changes.each { it.call(d) } }
    }

    static byte[] serialise(Document dom) {
        def out = new ByteArrayOutputStream()
        TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(dom), new StreamResult(out))
        out.toByteArray()
    }

    static final String SELLER = '/*/cac:AccountingSupplierParty/cac:Party'
    static final String BUYER = '/*/cac:AccountingCustomerParty/cac:Party'
    static final String LMT = '/*/cac:LegalMonetaryTotal'
    static final String SUB = '/*/cac:TaxTotal/cac:TaxSubtotal'
    static final String LINE1 = '/*/cac:InvoiceLine[1]'
    static final String ITEM_CAT = '//cac:Item/cac:ClassifiedTaxCategory'
    static final String ACCOUNT = '/*/cac:PaymentMeans/cac:PayeeFinancialAccount'
    static final String VAT_SCHEME = '<cac:PartyTaxScheme><cbc:CompanyID>SE212000156101</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>'

    /**
     * Where OpenPeppol's artefact reports a broken rule under another id: its BR-DEC-13 compares the
     * total VAT's currencyID with a DocumentCurrencyCode child of the TaxAmount, finds none and so never
     * fires; its syntax rule UBL-DT-01 (at most two decimals in any amount) catches the same document.
     */
    static final Map<String, String> OFFICIAL_COUNTERPART = ['BR-DEC-13': 'UBL-DT-01']

    @Unroll
    def "#rule fires on #base after: #why"() {
        given:
        Document dom = BisRules.parse(XML[base])
        assert BisRules.check(dom).every { it.id != rule }: "$rule already fails on the valid $base"

        when:
        change.call(new BisRules.Doc(dom))
        byte[] broken = serialise(dom)
        List<String> named = BisRules.check(broken)*.id
        List<String> official = PeppolSchematron.failures(broken)*.id

        then: 'the named check'
        rule in named

        and: 'OpenPeppol\'s own artefact: the same id, or the one that catches it there'
        OFFICIAL_COUNTERPART.getOrDefault(rule, rule) in official

        where:
        rule                  | base          | why                                      | change
        'BR-01'               | 'O invoice'   | 'no CustomizationID'                     | remove('/*/cbc:CustomizationID')
        'BR-02'               | 'O invoice'   | 'no number'                              | remove('/*/cbc:ID')
        'BR-03'               | 'O invoice'   | 'no issue date'                          | remove('/*/cbc:IssueDate')
        'BR-04'               | 'O invoice'   | 'no type code'                           | remove('/*/cbc:InvoiceTypeCode')
        'BR-04'               | 'O credit'    | 'no credit note type code'               | remove('/*/cbc:CreditNoteTypeCode')
        'BR-05'               | 'O invoice'   | 'no currency'                            | remove('/*/cbc:DocumentCurrencyCode')
        'BR-06'               | 'O invoice'   | 'no seller name'                         | remove("$SELLER/cac:PartyLegalEntity/cbc:RegistrationName")
        'BR-07'               | 'O invoice'   | 'no buyer name'                          | remove("$BUYER/cac:PartyLegalEntity/cbc:RegistrationName")
        'BR-08'               | 'O invoice'   | 'no seller address'                      | remove("$SELLER/cac:PostalAddress")
        'BR-09'               | 'O invoice'   | 'no seller country'                      | remove("$SELLER/cac:PostalAddress/cac:Country")
        'BR-10'               | 'O invoice'   | 'no buyer address'                       | remove("$BUYER/cac:PostalAddress")
        'BR-11'               | 'O invoice'   | 'no buyer country'                       | remove("$BUYER/cac:PostalAddress/cac:Country")
        'BR-12'               | 'O invoice'   | 'no sum of lines'                        | remove("$LMT/cbc:LineExtensionAmount")
        'BR-13'               | 'O invoice'   | 'no total without VAT'                   | remove("$LMT/cbc:TaxExclusiveAmount")
        'BR-14'               | 'O invoice'   | 'no total with VAT'                      | remove("$LMT/cbc:TaxInclusiveAmount")
        'BR-15'               | 'O invoice'   | 'no amount due'                          | remove("$LMT/cbc:PayableAmount")
        'BR-16'               | 'O invoice'   | 'no line'                                | remove('/*/cac:InvoiceLine')
        'BR-16'               | 'O credit'    | 'no credit note line'                    | remove('/*/cac:CreditNoteLine')
        'BR-21'               | 'O invoice'   | 'a line without id'                      | remove("$LINE1/cbc:ID")
        'BR-22'               | 'O invoice'   | 'a line without quantity'                | remove("$LINE1/cbc:InvoicedQuantity")
        'BR-23'               | 'O invoice'   | 'a quantity without unit'                | remove("$LINE1/cbc:InvoicedQuantity/@unitCode")
        'BR-24'               | 'O invoice'   | 'a line without net amount'              | remove("$LINE1/cbc:LineExtensionAmount")
        'BR-25'               | 'O invoice'   | 'an item without name'                   | remove("$LINE1/cac:Item/cbc:Name")
        'BR-26'               | 'O invoice'   | 'a line without price'                   | remove("$LINE1/cac:Price")
        'BR-27'               | 'O invoice'   | 'a negative price'                       | set("$LINE1/cac:Price/cbc:PriceAmount", '-31500.00')
        'BR-29'               | 'O invoice'   | 'a period ending before it starts'       | set('/*/cac:InvoicePeriod/cbc:EndDate', '2024-12-31')
        'BR-CO-19'            | 'O invoice'   | 'a period without dates'                 | remove('/*/cac:InvoicePeriod/*')
        'BR-CO-04'            | 'O invoice'   | 'a line without VAT category'            | remove("$LINE1/cac:Item/cac:ClassifiedTaxCategory")
        'BR-45'               | 'O invoice'   | 'a subtotal without taxable amount'      | remove("$SUB/cbc:TaxableAmount")
        'BR-46'               | 'O invoice'   | 'a subtotal without VAT amount'          | remove("$SUB/cbc:TaxAmount")
        'BR-47'               | 'O invoice'   | 'a subtotal without category'            | remove("$SUB/cac:TaxCategory/cbc:ID")
        'BR-48'               | 'S invoice'   | 'a standard subtotal without rate'       | remove("$SUB/cac:TaxCategory/cbc:Percent")
        'BR-CO-18'            | 'O invoice'   | 'no VAT breakdown'                       | remove(SUB)
        'BR-CO-14'            | 'S invoice'   | 'a total VAT that is not the subtotals\'' | set('/*/cac:TaxTotal/cbc:TaxAmount', '27898.20')
        'BR-CO-17'            | 'S invoice'   | 'VAT that is not 25 % of the net'        | set('/*/cac:TaxTotal//cbc:TaxAmount', '27903.21')
        'BR-CO-10'            | 'O invoice'   | 'a wrong sum of lines'                   | set("$LMT/cbc:LineExtensionAmount", '111592.84')
        'BR-CO-10'            | 'O credit'    | 'a wrong sum of credit note lines'       | set("$LMT/cbc:LineExtensionAmount", '111592.86')
        'BR-CO-13'            | 'O invoice'   | 'a wrong total without VAT'              | set("$LMT/cbc:TaxExclusiveAmount", '111592.84')
        'BR-CO-15'            | 'S invoice'   | 'a total with VAT without the VAT'       | set("$LMT/cbc:TaxInclusiveAmount", '111592.85')
        'BR-CO-16'            | 'O invoice'   | 'a wrong amount due'                     | set("$LMT/cbc:PayableAmount", '1.00')
        'BR-CO-25'            | 'O invoice'   | 'an amount due with no due date or terms'| all(remove('/*/cbc:DueDate'), remove('/*/cac:PaymentTerms'))
        'BR-CO-26'            | 'O invoice'   | 'an unidentified seller'                 | remove("$SELLER/cac:PartyLegalEntity/cbc:CompanyID")
        'BR-CO-09'            | 'S invoice'   | 'a VAT number without country prefix'    | set("$SELLER/cac:PartyTaxScheme/cbc:CompanyID", '21200015610101')
        'BR-DEC-09'           | 'O invoice'   | 'three decimals in the sum of lines'     | set("$LMT/cbc:LineExtensionAmount", '111592.850')
        'BR-DEC-12'           | 'O invoice'   | 'three decimals without VAT'             | set("$LMT/cbc:TaxExclusiveAmount", '111592.850')
        'BR-DEC-13'           | 'S invoice'   | 'three decimals of total VAT'            | set('/*/cac:TaxTotal/cbc:TaxAmount', '27898.210')
        'BR-DEC-14'           | 'O invoice'   | 'three decimals with VAT'                | set("$LMT/cbc:TaxInclusiveAmount", '111592.850')
        'BR-DEC-18'           | 'O invoice'   | 'three decimals due'                     | set("$LMT/cbc:PayableAmount", '111592.850')
        'BR-DEC-19'           | 'O invoice'   | 'three decimals taxable'                 | set("$SUB/cbc:TaxableAmount", '111592.850')
        'BR-DEC-20'           | 'O invoice'   | 'three decimals of subtotal VAT'         | set("$SUB/cbc:TaxAmount", '0.000')
        'BR-DEC-23'           | 'O invoice'   | 'three decimals in a line'               | set("$LINE1/cbc:LineExtensionAmount", '31500.000')
        'BR-49'               | 'O invoice'   | 'payment means without code'             | remove('/*/cac:PaymentMeans/cbc:PaymentMeansCode')
        'BR-50'               | 'O invoice'   | 'a payee account without id'             | remove("$ACCOUNT/cbc:ID")
        'BR-61'               | 'O invoice'   | 'a credit transfer without account'      | remove(ACCOUNT)
        'BR-55'               | 'O credit'    | 'a billing reference without number'     | remove('/*/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID')
        'BR-62'               | 'O invoice'   | 'a seller endpoint without scheme'       | remove("$SELLER/cbc:EndpointID/@schemeID")
        'BR-63'               | 'O invoice'   | 'a buyer endpoint without scheme'        | remove("$BUYER/cbc:EndpointID/@schemeID")
        'BR-O-01'             | 'O invoice'   | 'two O subtotals'                        | duplicate(SUB)
        'BR-O-02'             | 'O invoice'   | 'a seller VAT number outside scope'      | add(SELLER, VAT_SCHEME)
        'BR-O-02'             | 'O credit'    | 'a buyer VAT number outside scope'       | add(BUYER, VAT_SCHEME.replace('212000156101', '232100013101'))
        'BR-O-05'             | 'O invoice'   | 'a rate on an O line'                    | add("$LINE1/cac:Item/cac:ClassifiedTaxCategory", '<cbc:Percent>0</cbc:Percent>')
        'BR-O-08'             | 'O invoice'   | 'an O taxable amount not the lines\''    | set("$SUB/cbc:TaxableAmount", '1.00')
        'BR-O-09'             | 'O invoice'   | 'VAT on O'                               | set('/*/cac:TaxTotal//cbc:TaxAmount', '5.00')
        'BR-O-10'             | 'O invoice'   | 'O without reason'                       | remove("$SUB/cac:TaxCategory/*[starts-with(local-name(), 'TaxExemptionReason')]")
        'BR-O-11'             | 'O invoice'   | 'O beside E'                             | all(duplicate(SUB), set("($SUB)[2]/cac:TaxCategory/cbc:ID", 'E'))
        'BR-O-12'             | 'O invoice'   | 'an E line under O'                      | set("$LINE1/cac:Item/cac:ClassifiedTaxCategory/cbc:ID", 'E')
        'BR-E-01'             | 'E invoice'   | 'two E subtotals'                        | duplicate(SUB)
        'BR-E-02'             | 'E invoice'   | 'an exempt seller without VAT number'    | remove("$SELLER/cac:PartyTaxScheme")
        'BR-E-05'             | 'E invoice'   | 'an E line at 25 %'                      | set("$LINE1/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent", '25')
        'BR-E-08'             | 'E invoice'   | 'an E taxable amount not the lines\''    | set("$SUB/cbc:TaxableAmount", '1.00')
        'BR-E-09'             | 'E invoice'   | 'VAT on E'                               | set('/*/cac:TaxTotal//cbc:TaxAmount', '5.00')
        'BR-E-10'             | 'E credit'    | 'E without reason'                       | remove("$SUB/cac:TaxCategory/cbc:TaxExemptionReason")
        'BR-S-01'             | 'S invoice'   | 'S lines without an S subtotal'          | set("$SUB/cac:TaxCategory/cbc:ID", 'E')
        'BR-S-02'             | 'S invoice'   | 'a standard seller without VAT number'   | remove("$SELLER/cac:PartyTaxScheme")
        'BR-S-05'             | 'S invoice'   | 'an S line at 0 %'                       | set("$LINE1/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent", '0')
        'BR-S-08'             | 'S invoice'   | 'an S taxable amount not the lines\''    | set("$SUB/cbc:TaxableAmount", '100000.00')
        'BR-S-09'             | 'S credit'    | 'S VAT that is not 25 %'                 | set('/*/cac:TaxTotal//cbc:TaxAmount', '27903.21')
        'BR-S-10'             | 'S invoice'   | 'S with an exemption reason'             | add("$SUB/cac:TaxCategory", '<cbc:TaxExemptionReason>Nej</cbc:TaxExemptionReason>')
        'PEPPOL-EN16931-R001' | 'O invoice'   | 'no ProfileID'                           | remove('/*/cbc:ProfileID')
        'PEPPOL-EN16931-R002' | 'O invoice'   | 'two notes'                              | duplicate('/*/cbc:Note')
        'PEPPOL-EN16931-R003' | 'O invoice'   | 'no BuyerReference'                      | remove('/*/cbc:BuyerReference')
        'PEPPOL-EN16931-R003' | 'O credit'    | 'no BuyerReference on a credit'          | remove('/*/cbc:BuyerReference')
        'PEPPOL-EN16931-R004' | 'O invoice'   | 'another specification'                  | set('/*/cbc:CustomizationID', 'urn:cen.eu:en16931:2017')
        'PEPPOL-EN16931-R005' | 'O invoice'   | 'a VAT currency equal to the currency'   | add('/*', '<cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode>')
        'PEPPOL-EN16931-R007' | 'O invoice'   | 'a process without two digits'           | set('/*/cbc:ProfileID', 'urn:fdc:peppol.eu:2017:poacc:billing:1:1.0')
        'PEPPOL-EN16931-R008' | 'O invoice'   | 'an empty BuyerReference'                | set('/*/cbc:BuyerReference', ' ')
        'PEPPOL-EN16931-R010' | 'O invoice'   | 'no buyer endpoint'                      | remove("$BUYER/cbc:EndpointID")
        'PEPPOL-EN16931-R020' | 'O invoice'   | 'no seller endpoint'                     | remove("$SELLER/cbc:EndpointID")
        'PEPPOL-EN16931-R040' | 'O invoice'   | 'an allowance not its percentage'        | add('/*', '<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:AllowanceChargeReason>Rabatt</cbc:AllowanceChargeReason><cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric><cbc:Amount currencyID="SEK">5.00</cbc:Amount><cbc:BaseAmount currencyID="SEK">100.00</cbc:BaseAmount><cac:TaxCategory><cbc:ID>O</cbc:ID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>')
        'PEPPOL-EN16931-R041' | 'O invoice'   | 'a percentage without base amount'       | add('/*', '<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric><cbc:Amount currencyID="SEK">5.00</cbc:Amount></cac:AllowanceCharge>')
        'PEPPOL-EN16931-R043' | 'O invoice'   | 'a ChargeIndicator 1 (xsd, not BIS)'    | add('/*', '<cac:AllowanceCharge><cbc:ChargeIndicator>1</cbc:ChargeIndicator><cbc:Amount currencyID="SEK">5.00</cbc:Amount></cac:AllowanceCharge>')
        'PEPPOL-EN16931-R046' | 'O invoice'   | 'a net price not gross less allowance'   | add("$LINE1/cac:Price", '<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID="SEK">10.00</cbc:Amount><cbc:BaseAmount currencyID="SEK">100.00</cbc:BaseAmount></cac:AllowanceCharge>')
        'PEPPOL-EN16931-R051' | 'O invoice'   | 'an amount in euro'                      | set("$LMT/cbc:PayableAmount/@currencyID", 'EUR')
        'PEPPOL-EN16931-R053' | 'O invoice'   | 'two tax totals with subtotals'          | duplicate('/*/cac:TaxTotal')
        'PEPPOL-EN16931-R061' | 'O invoice'   | 'direct debit without mandate'           | set('/*/cac:PaymentMeans/cbc:PaymentMeansCode', '59')
        'PEPPOL-EN16931-R080' | 'O credit'    | 'two project references'                 | add('/*', '<cac:AdditionalDocumentReference><cbc:ID>P1</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode></cac:AdditionalDocumentReference><cac:AdditionalDocumentReference><cbc:ID>P2</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>')
        'PEPPOL-EN16931-R110' | 'O invoice'   | 'a line period starting before'          | add(LINE1, '<cac:InvoicePeriod><cbc:StartDate>2024-12-01</cbc:StartDate></cac:InvoicePeriod>')
        'PEPPOL-EN16931-R111' | 'O invoice'   | 'a line period ending after'             | add(LINE1, '<cac:InvoicePeriod><cbc:EndDate>2025-04-30</cbc:EndDate></cac:InvoicePeriod>')
        'PEPPOL-EN16931-R120' | 'O invoice'   | 'a line amount not quantity × price'     | set("$LINE1/cbc:LineExtensionAmount", '31000.00')
        'PEPPOL-EN16931-R120' | 'negative line' | 'quantity -1 made 1'                   | set("$LINE1/cbc:InvoicedQuantity", '1')
        'PEPPOL-EN16931-R121' | 'O invoice'   | 'a base quantity of 0'                   | add("$LINE1/cac:Price", '<cbc:BaseQuantity unitCode="C62">0</cbc:BaseQuantity>')
        'PEPPOL-EN16931-R130' | 'O invoice'   | 'a base quantity in another unit'        | add("$LINE1/cac:Price", '<cbc:BaseQuantity unitCode="H87">1</cbc:BaseQuantity>')
        'PEPPOL-EN16931-P0100'| 'O invoice'   | 'an invoice type outside the profile'    | set('/*/cbc:InvoiceTypeCode', '999')
        'PEPPOL-EN16931-P0101'| 'O credit'    | 'a credit type outside the profile'      | set('/*/cbc:CreditNoteTypeCode', '999')
        'PEPPOL-COMMON-R049'  | 'O invoice'   | 'a buyer endpoint failing Luhn'          | set("$BUYER/cbc:EndpointID", '2321000132')
        'PEPPOL-COMMON-R049'  | 'O invoice'   | 'an organisationsnummer of nine digits'  | set("$SELLER/cac:PartyLegalEntity/cbc:CompanyID", '212000156')
        'SE-R-001'            | 'S invoice'   | 'a VAT number of 15 characters'          | set("$SELLER/cac:PartyTaxScheme/cbc:CompanyID", 'SE2120001561011')
        'SE-R-002'            | 'S invoice'   | 'a VAT number with a letter'             | set("$SELLER/cac:PartyTaxScheme/cbc:CompanyID", 'SE21200015610A')
        'SE-R-003'            | 'O invoice'   | 'an organisationsnummer with a letter'   | set("$SELLER/cac:PartyLegalEntity/cbc:CompanyID", '212000156A')
        'SE-R-004'            | 'O invoice'   | 'an organisationsnummer of 11 digits'    | set("$SELLER/cac:PartyLegalEntity/cbc:CompanyID", '21200015610')
        'SE-R-005'            | 'O invoice'   | 'a tax registration other than F-skatt'  | add(SELLER, '<cac:PartyTaxScheme><cbc:CompanyID>F-skatt</cbc:CompanyID><cac:TaxScheme><cbc:ID>TAX</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>')
        'SE-R-006'            | 'S invoice'   | 'a Swedish standard rate of 20 %'        | set('//cac:TaxCategory/cbc:Percent | //cac:ClassifiedTaxCategory/cbc:Percent', '20')
        'SE-R-007'            | 'alarm, plusgiro' | 'a plusgiro with letters'            | set("$ACCOUNT/cbc:ID", 'PG471124')
        'SE-R-008'            | 'O invoice'   | 'a bankgiro with letters'                | set("$ACCOUNT/cbc:ID", 'BG505010')
        'SE-R-009'            | 'O invoice'   | 'a bankgiro of six digits'               | set("$ACCOUNT/cbc:ID", '505010')
        'SE-R-010'            | 'alarm, plusgiro' | 'a plusgiro of nine digits'          | set("$ACCOUNT/cbc:ID", '471124539')
        'SE-R-011'            | 'O invoice'   | 'payment means code 50'                  | set('/*/cac:PaymentMeans/cbc:PaymentMeansCode', '50')
        'SE-R-012'            | 'O invoice'   | 'payment means code 31'                  | set('/*/cac:PaymentMeans/cbc:PaymentMeansCode', '31')
        'SE-R-013'            | 'O invoice'   | 'an organisationsnummer failing Luhn'    | set("$SELLER/cac:PartyLegalEntity/cbc:CompanyID", '2120001562')
    }

    def "the named rules cover the ones the statements' e-invoices touch, and each id is OpenPeppol's"() {
        given:
        Set<String> wanted = ((1..16) + [21, 22, 23, 24, 25, 26, 27, 29, 45, 46, 47, 48, 49, 50, 55, 61, 62, 63])
                .collect { "BR-${it.toString().padLeft(2, '0')}".toString() } +
                ['BR-CO-04', 'BR-CO-09', 'BR-CO-10', 'BR-CO-13', 'BR-CO-14', 'BR-CO-15', 'BR-CO-16', 'BR-CO-17', 'BR-CO-18',
                 'BR-CO-19', 'BR-CO-25', 'BR-CO-26'] +
                ['BR-DEC-09', 'BR-DEC-12', 'BR-DEC-13', 'BR-DEC-14', 'BR-DEC-18', 'BR-DEC-19', 'BR-DEC-20', 'BR-DEC-23'] +
                ['BR-O-01', 'BR-O-02', 'BR-O-05', 'BR-O-08', 'BR-O-09', 'BR-O-10', 'BR-O-11', 'BR-O-12'] +
                ['BR-E-01', 'BR-E-02', 'BR-E-05', 'BR-E-08', 'BR-E-09', 'BR-E-10'] +
                ['BR-S-01', 'BR-S-02', 'BR-S-05', 'BR-S-08', 'BR-S-09', 'BR-S-10'] +
                ['R001', 'R002', 'R003', 'R004', 'R005', 'R007', 'R008', 'R010', 'R020', 'R040', 'R041', 'R043', 'R046',
                 'R051', 'R053', 'R061', 'R080', 'R110', 'R111', 'R120', 'R121', 'R130', 'P0100', 'P0101']
                        .collect { "PEPPOL-EN16931-$it".toString() } +
                ['PEPPOL-COMMON-R049'] + (1..13).collect { "SE-R-${it.toString().padLeft(3, '0')}".toString() }
        String official = ['CEN-EN16931-UBL.xslt', 'PEPPOL-EN16931-UBL.xslt']
                .collect { UblSchemas.resource(PeppolSchematron.RELEASE + it).getText('UTF-8') }.join()

        expect:
        BisRules.ids() == wanted
        BisRules.ids().every { official.contains(">$it<") }
        BisRules.RULES.every { it.flag in ['fatal', 'warning'] && it.text }
    }
}
