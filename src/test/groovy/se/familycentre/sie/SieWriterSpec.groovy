package se.familycentre.sie

import spock.lang.Shared
import spock.lang.Specification

import java.time.LocalDate

/**
 * The SIE 4I writer: a municipality invoicing a region for a family centre's
 * first quarter of 2025, the region booking the same invoice as a cost, and an
 * internal transfer, written and read back; the refusals; and 500 random
 * balanced vouchers that survive the round trip.
 */
class SieWriterSpec extends Specification {

    static final LocalDate ISSUED = LocalDate.of(2025, 4, 15)

    @Shared SieWriter writer = new SieWriter()

    // The municipality, creditor of the family centre's costs.
    static final SieAccount RECEIVABLE = new SieAccount(1510, 'Kundfordringar')
    static final SieAccount REVENUE = new SieAccount(3990, 'Övriga ersättningar och intäkter')
    static final SieAccount RENT = new SieAccount(5010, 'Lokalhyra')
    static final SieCostCentre CENTRE = new SieCostCentre('4100', 'Familjecentral Solgläntan')
    static final SieCostCentre PRESCHOOL = new SieCostCentre('4110', 'Öppen förskola Solgläntan')

    // The region, debtor.
    static final SieAccount COST = new SieAccount(6990, 'Övriga externa kostnader')
    static final SieAccount PAYABLE = new SieAccount(2440, 'Leverantörsskulder')
    static final SieCostCentre HEALTH = new SieCostCentre('FC12', 'Barnhälsovård Solgläntan')

    static SieHeader municipalityHeader() {
        new SieHeader('Familjecentraler kostnadsdelning', '0.1.0', ISSUED, 'Älvstrands kommun', '2120001561',
                'Kostnader för familjecentralen Solgläntan, kvartal 1 2025')
    }

    static List<SieVoucher> municipalityVouchers() {
        [
                new SieVoucher('A', '', ISSUED, 'Faktura Region Västra Götaland, Solgläntan kv 1 2025', [
                        new SieTransaction(RECEIVABLE, null, 111592.85, ISSUED, 'Region Västra Götaland'),
                        new SieTransaction(REVENUE, CENTRE, -67012.40),
                        new SieTransaction(REVENUE, PRESCHOOL, -44580.45),
                ]),
                new SieVoucher('B', '7', LocalDate.of(2025, 3, 31), 'Omföring av hyra "Solgläntan" till öppen förskola', [
                        new SieTransaction(RENT, PRESCHOOL, 12500, null, 'Underlag K:\\Ekonomi\\hyra "mars".pdf'),
                        new SieTransaction(RENT, CENTRE, -12500.00, LocalDate.of(2025, 3, 31), null),
                ]),
        ]
    }

    static SieHeader regionHeader() {
        new SieHeader('Familjecentraler kostnadsdelning', '0.1.0', ISSUED, 'Region Västra Götaland', '232100-0131')
    }

    static List<SieVoucher> regionVouchers() {
        [
                new SieVoucher('L', '', ISSUED, 'Faktura från Älvstrands kommun, Solgläntan kv 1 2025', [
                        new SieTransaction(COST, HEALTH, 111592.85),
                        new SieTransaction(PAYABLE, null, -111592.85, ISSUED, 'Älvstrands kommun'),
                ]),
        ]
    }

    def "#who's file reads back as the same header and vouchers, each balancing to the öre"() {
        when:
        def parsed = SieReader.read(writer.write(header, vouchers))

        then:
        parsed.header == header
        parsed.vouchers == vouchers
        parsed.vouchers.every { v -> v.transactions().sum { it.amount() } == 0.00 }
        parsed.vouchers.every { v -> v.transactions().every { it.amount().scale() == 2 } }

        and: 'only the accounts and cost centres used are declared, by number and code'
        parsed.accounts == accounts
        parsed.dimensions == ['1 Kostnadsställe']
        parsed.costCentres == costCentres

        where:
        who            | header               | vouchers               | accounts                     | costCentres
        'the creditor' | municipalityHeader() | municipalityVouchers() | [RECEIVABLE, REVENUE, RENT]  | [CENTRE, PRESCHOOL]
        'the debtor'   | regionHeader()       | regionVouchers()       | [PAYABLE, COST]              | [HEALTH]
    }

    def "the creditor's file, line by line"() {
        when:
        def text = new String(writer.write(municipalityHeader(), municipalityVouchers()), SieWriter.PC8)

        then:
        text == '''\
            #FLAGGA 0
            #FORMAT PC8
            #SIETYP 4
            #PROGRAM "Familjecentraler kostnadsdelning" "0.1.0"
            #GEN 20250415
            #FNAMN "Älvstrands kommun"
            #ORGNR 212000-1561
            #PROSA "Kostnader för familjecentralen Solgläntan, kvartal 1 2025"
            #KONTO 1510 "Kundfordringar"
            #KONTO 3990 "Övriga ersättningar och intäkter"
            #KONTO 5010 "Lokalhyra"
            #DIM 1 "Kostnadsställe"
            #OBJEKT 1 "4100" "Familjecentral Solgläntan"
            #OBJEKT 1 "4110" "Öppen förskola Solgläntan"
            #VER "A" "" 20250415 "Faktura Region Västra Götaland, Solgläntan kv 1 2025"
            {
            #TRANS 1510 {} 111592.85 20250415 "Region Västra Götaland"
            #TRANS 3990 {1 "4100"} -67012.40
            #TRANS 3990 {1 "4110"} -44580.45
            }
            #VER "B" "7" 20250331 "Omföring av hyra \\"Solgläntan\\" till öppen förskola"
            {
            #TRANS 5010 {1 "4110"} 12500.00 "" "Underlag K:\\\\Ekonomi\\\\hyra \\"mars\\".pdf"
            #TRANS 5010 {1 "4100"} -12500.00 20250331
            }
            '''.stripIndent().replace('\n', '\r\n')
    }

    def "the header lines come first, in the order SIE 4I asks for"() {
        when:
        def labels = SieReader.read(writer.write(regionHeader(), regionVouchers())).labels

        then:
        labels == ['#FLAGGA', '#FORMAT', '#SIETYP', '#PROGRAM', '#GEN', '#FNAMN', '#ORGNR',
                   '#KONTO', '#KONTO', '#DIM', '#OBJEKT', '#VER', '#TRANS', '#TRANS']
    }

    def "every line ends with CRLF and no line end stands alone"() {
        when:
        def bytes = writer.write(municipalityHeader(), municipalityVouchers())
        def text = new String(bytes, SieWriter.PC8)

        then:
        text.endsWith('\r\n')
        text.count('\r\n') == 25
        text.count('\n') == 25
        text.count('\r') == 25
    }

    def "å ä ö and Å Ä Ö are the PC-8 bytes, not UTF-8 or Latin-1"() {
        given:
        def header = new SieHeader('P', '1', ISSUED, 'åäö ÅÄÖ é', '212000-1561')
        def voucher = new SieVoucher('A', '1', ISSUED, 'ö', [
                new SieTransaction(new SieAccount(1510, 'Å'), new SieCostCentre('ä', 'Ä'), 1),
                new SieTransaction(new SieAccount(1510, 'Å'), null, -1)])

        when:
        def bytes = writer.write(header, [voucher])

        then: 'the company name is 0x86 0x84 0x94 0x20 0x8F 0x8E 0x99 0x20 0x82'
        indexOf(bytes, '#FNAMN "', 0x86, 0x84, 0x94, 0x20, 0x8F, 0x8E, 0x99, 0x20, 0x82, '"\r\n') > 0

        and: 'the dimension is Kostnadsst 0x84 lle'
        indexOf(bytes, '#DIM 1 "Kostnadsst', 0x84, 'lle"') > 0

        and: 'no UTF-8 lead byte and no Latin-1 å ä ö'
        !bytes.any { (it & 0xFF) in [0xC3, 0xE5, 0xE4, 0xF6, 0xC5, 0xC4, 0xD6] }
    }

    def "quotes and backslashes survive the round trip in every text"() {
        given:
        def text = 'Hyra "Solgläntan" \\ C:\\temp\\ {1 "x"} #TRANS \\"'
        def header = new SieHeader('P "quoted"', 'v\\1', ISSUED, text, '212000-1561', text)
        def voucher = new SieVoucher(text, text, ISSUED, text, [
                new SieTransaction(new SieAccount(1510, text), new SieCostCentre(text, text), 1, null, text),
                new SieTransaction(new SieAccount(1511, text), null, -1, ISSUED, text)])

        when:
        def parsed = SieReader.read(writer.write(header, [voucher]))

        then:
        parsed.header == header
        parsed.vouchers == [voucher]
    }

    def "a character PC-8 cannot encode becomes ?, a control character is dropped, and the writer does not fail"() {
        given:
        def voucher = new SieVoucher('A', '1', ISSUED, 'Hyra €\u00A0\uD83D\uDE00\tkv\r\n1\u0000\u007F', [
                new SieTransaction(RENT, null, 1),
                new SieTransaction(RENT, null, -1)])

        when:
        def text = new String(writer.write(regionHeader(), [voucher]), SieWriter.PC8)

        then: 'the euro sign and the emoji are one ? each; a no-break space is in PC-8 (0xFF) and stays'
        text.contains('#VER "A" "1" 20250415 "Hyra ?\u00A0?kv1"\r\n')
    }

    def "an amount of #amount is written #written"() {
        given:
        def voucher = new SieVoucher('A', '1', ISSUED, '', [
                new SieTransaction(RENT, null, amount),
                new SieTransaction(COST, null, -amount)])

        when:
        def text = new String(writer.write(regionHeader(), [voucher]), SieWriter.PC8)

        then:
        text.contains("#TRANS 5010 {} $written\r\n")

        where:
        amount                        || written
        -111592.85                    || '-111592.85'
        1500                          || '1500.00'
        1500.0                        || '1500.00'
        new BigDecimal('1500.000')    || '1500.00'
        0.5                           || '0.50'
        0                             || '0.00'
        new BigDecimal('1E+3')        || '1000.00'
        123456789012.34               || '123456789012.34'
        -0.01                         || '-0.01'
    }

    def "a voucher that is #problem is refused, naming the voucher"() {
        given:
        def voucher = new SieVoucher('A', '12', ISSUED, 'Faktura Solgläntan', amounts.collect {
            new SieTransaction(RECEIVABLE, null, it)
        })
        def fine = municipalityVouchers()

        when:
        writer.write(municipalityHeader(), fine + [voucher] + fine)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains("voucher A 12 of 2025-04-15 'Faktura Solgläntan'")
        e.message.contains(reason)

        where:
        problem                           | amounts                                                         || reason
        'unbalanced by an öre'            | [100.00, -99.99]                                                || 'does not balance: its transactions sum to 0.01, not 0.00'
        'unbalanced with one transaction' | [100.00]                                                        || 'sum to 100.00'
        'unbalanced by a fraction of öre' | [new BigDecimal('0.001'), new BigDecimal('-0.002')]             || 'more than two decimals'
        'empty'                           | []                                                              || 'has no transactions'
        'balanced in three decimals'      | [new BigDecimal('100.005'), new BigDecimal('-100.005')]         || 'more than two decimals: 100.005 on account 1510'
        'in three decimals, negative'     | [new BigDecimal('0.01'), new BigDecimal('-0.015'), 0.005]       || 'more than two decimals: -0.015'
    }

    def "an account or cost centre named in two ways is refused"() {
        given:
        def vouchers = [
                new SieVoucher('A', '1', ISSUED, '', [new SieTransaction(first, centre1, 1), new SieTransaction(RENT, null, -1)]),
                new SieVoucher('A', '2', ISSUED, '', [new SieTransaction(second, centre2, 1), new SieTransaction(RENT, null, -1)])]

        when:
        writer.write(regionHeader(), vouchers)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.startsWith('voucher A 2 of 2025-04-15 names')

        where:
        first                            | second                           | centre1                          | centre2
        new SieAccount(1510, 'Kund')     | new SieAccount(1510, 'Kunder')   | null                             | null
        RECEIVABLE                       | RECEIVABLE                       | new SieCostCentre('1', 'Ett')    | new SieCostCentre('1', 'Två')
    }

    def "the organisation number is written NNNNNN-NNNN: #given"() {
        expect:
        new SieHeader('P', '1', ISSUED, 'K', given).organisationNumber() == '212000-1561'

        where:
        given << ['2120001561', '212000-1561', ' 212000-1561 ']
    }

    def "an organisation number that is not ten digits is refused: #given"() {
        when:
        new SieHeader('P', '1', ISSUED, 'K', given)

        then:
        thrown(IllegalArgumentException)

        where:
        given << ['212000-156', '21200015611', '2120-001561', 'SE2120001561', '']
    }

    def "a file without vouchers is only the header, the dimension and no accounts"() {
        when:
        def parsed = SieReader.read(writer.write(regionHeader(), []))

        then:
        parsed.labels == ['#FLAGGA', '#FORMAT', '#SIETYP', '#PROGRAM', '#GEN', '#FNAMN', '#ORGNR', '#DIM']
        parsed.vouchers.isEmpty()
    }

    def "500 random balanced vouchers with 2 to 8 transactions are written and read back equal"() {
        given:
        def random = new Random(20250415)
        def accounts = (0..<40).collect { new SieAccount(1000 + random.nextInt(9000), randomText(random)) }
                .unique { it.number() }
        def centres = (0..<15).collect { new SieCostCentre("K${it}|${randomText(random)}", randomText(random)) }
        def vouchers = (1..500).collect { n ->
            int count = 2 + random.nextInt(7)
            List<Long> ore = (1..<count).collect { (long) (random.nextGaussian() * 10_000_000) }
            ore << -(ore.sum() as long)
            def date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365))
            new SieVoucher(['A', 'B', 'LÖN'][random.nextInt(3)], random.nextBoolean() ? '' : "$n", date,
                    randomText(random), ore.collect { amount ->
                new SieTransaction(accounts[random.nextInt(accounts.size())],
                        random.nextBoolean() ? null : centres[random.nextInt(centres.size())],
                        BigDecimal.valueOf(amount, 2),
                        random.nextInt(3) == 0 ? date.plusDays(random.nextInt(30)) : null,
                        random.nextInt(3) == 0 ? randomText(random) : null)
            })
        }

        when:
        def parsed = SieReader.read(writer.write(municipalityHeader(), vouchers))

        then:
        parsed.vouchers.size() == 500
        parsed.vouchers == vouchers
        parsed.vouchers.every { v -> v.transactions().size() in 2..8 && v.transactions().sum { it.amount() } == 0 }
    }

    /** Text from the characters SIE texts meet: Swedish letters, quotes, backslashes, braces, spaces. */
    private static String randomText(Random random) {
        def alphabet = 'abcåäöÅÄÖé XYZ019"\\{}#-.,:/'
        int length = 1 + random.nextInt(20)
        def text = (1..length).collect { alphabet[random.nextInt(alphabet.length())] }.join()
        text.isBlank() ? 'x' + text : text
    }

    /** Where the sequence of ASCII strings and single bytes occurs in the file. */
    private static int indexOf(byte[] file, Object... parts) {
        List<Byte> needle = parts.collectMany { it instanceof String ? it.getBytes('US-ASCII').toList() : [(byte) it] }
        Collections.indexOfSubList(file.toList(), needle)
    }
}
