package se.familycentre.sie

import java.nio.charset.Charset
import java.time.LocalDate
import java.time.format.DateTimeFormatter

/**
 * Reads a SIE 4 file back, for the specs only: decodes code page 437, splits
 * each line into fields (quoted strings with their escapes, object lists in
 * braces) and rebuilds the header, the declared accounts and cost centres, and
 * the vouchers with their transactions. It is strict where the writer promises
 * something (CRLF line ends, known labels, objects and accounts declared before
 * use) so that a spec notices when the writer breaks a promise.
 */
class SieReader {

    static final Charset PC8 = Charset.forName('IBM437')

    static class Parsed {
        SieHeader header
        List<String> labels
        List<SieAccount> accounts
        List<String> dimensions
        List<SieCostCentre> costCentres
        List<SieVoucher> vouchers
    }

    /** A field of a line: a plain or quoted string, or an object list. */
    static class Field {
        String text
        List<String> objects
        boolean quoted
    }

    static Parsed read(byte[] bytes) {
        String content = new String(bytes, PC8)
        if (!content.endsWith('\r\n')) {
            throw new IllegalStateException('the file does not end with CRLF')
        }
        List<String> lines = content.substring(0, content.length() - 2).split('\r\n', -1) as List
        lines.each { if (it.contains('\n') || it.contains('\r')) throw new IllegalStateException("a bare line end in: $it") }

        Map<String, String> single = [:]
        List<String> labels = []
        Map<Integer, SieAccount> accounts = new LinkedHashMap<>()
        List<String> dimensions = []
        Map<String, SieCostCentre> costCentres = new LinkedHashMap<>()
        List<SieVoucher> vouchers = []
        List<Field> program = null
        String prosa = null

        Map voucher = null
        boolean inVoucher = false
        for (String line : lines) {
            String trimmed = line.trim()
            if (trimmed == '{') {
                if (voucher == null || inVoucher) throw new IllegalStateException('a { without a #VER')
                inVoucher = true
                continue
            }
            if (trimmed == '}') {
                if (!inVoucher) throw new IllegalStateException('a } without a {')
                vouchers << new SieVoucher(voucher.series, voucher.number, voucher.date, voucher.text, voucher.transactions)
                voucher = null
                inVoucher = false
                continue
            }
            List<Field> fields = fields(trimmed)
            String label = fields[0].text
            labels << label
            List<Field> rest = fields.drop(1)
            switch (label) {
                case '#FLAGGA': case '#FORMAT': case '#SIETYP': case '#GEN': case '#FNAMN': case '#ORGNR':
                    single[label] = rest[0].text
                    break
                case '#PROGRAM':
                    program = rest
                    break
                case '#PROSA':
                    prosa = rest[0].text
                    break
                case '#KONTO':
                    int number = rest[0].text as int
                    accounts[number] = new SieAccount(number, rest[1].text)
                    break
                case '#DIM':
                    dimensions << "${rest[0].text} ${rest[1].text}".toString()
                    break
                case '#OBJEKT':
                    if (rest[0].text != '1') throw new IllegalStateException("an object of dimension ${rest[0].text}")
                    costCentres[rest[1].text] = new SieCostCentre(rest[1].text, rest[2].text)
                    break
                case '#VER':
                    if (voucher != null) throw new IllegalStateException('a #VER inside a #VER')
                    voucher = [series      : rest[0].text, number: rest[1].text, date: date(rest[2].text),
                               text        : rest.size() > 3 ? rest[3].text : '', transactions: []]
                    break
                case '#TRANS':
                    if (!inVoucher) throw new IllegalStateException('a #TRANS outside a voucher')
                    voucher.transactions << transaction(rest, accounts, costCentres)
                    break
                default:
                    throw new IllegalStateException("an unknown label: $label")
            }
        }
        if (voucher != null) throw new IllegalStateException('an unclosed voucher')

        def header = new SieHeader(program[0].text, program[1].text, date(single['#GEN']), single['#FNAMN'],
                single['#ORGNR'], prosa)
        assert single['#FLAGGA'] == '0'
        assert single['#FORMAT'] == 'PC8'
        assert single['#SIETYP'] == '4'
        new Parsed(header: header, labels: labels, accounts: accounts.values() as List, dimensions: dimensions,
                costCentres: costCentres.values() as List, vouchers: vouchers)
    }

    private static SieTransaction transaction(List<Field> rest, Map<Integer, SieAccount> accounts,
                                              Map<String, SieCostCentre> costCentres) {
        int number = rest[0].text as int
        SieAccount account = accounts[number]
        if (account == null) throw new IllegalStateException("account $number is not declared")
        List<String> objects = rest[1].objects
        if (objects == null) throw new IllegalStateException('a #TRANS without an object list')
        SieCostCentre costCentre = null
        if (!objects.isEmpty()) {
            if (objects.size() != 2 || objects[0] != '1') throw new IllegalStateException("objects $objects")
            costCentre = costCentres[objects[1]]
            if (costCentre == null) throw new IllegalStateException("object ${objects[1]} is not declared")
        }
        String amount = rest[2].text
        if (!(amount ==~ /-?\d+(\.\d{1,2})?/)) throw new IllegalStateException("an amount: $amount")
        LocalDate date = rest.size() > 3 && rest[3].text ? date(rest[3].text) : null
        String text = rest.size() > 4 ? rest[4].text : null
        new SieTransaction(account, costCentre, new BigDecimal(amount), date, text)
    }

    private static LocalDate date(String text) {
        LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE)
    }

    /** Splits a line at spaces and tabs outside quotes and braces. */
    static List<Field> fields(String line) {
        List<Field> result = []
        int i = 0
        while (i < line.length()) {
            char c = line.charAt(i)
            if (c == ' ' as char || c == '\t' as char) {
                i++
            } else if (c == '"' as char) {
                def (String text, int next) = quoted(line, i)
                result << new Field(text: text, objects: null, quoted: true)
                i = next
            } else if (c == '{' as char) {
                int close = closingBrace(line, i)
                List<String> inner = fields(line.substring(i + 1, close)).collect { it.text }
                result << new Field(text: line.substring(i, close + 1), objects: inner, quoted: false)
                i = close + 1
            } else {
                int end = i
                while (end < line.length() && !(line.charAt(end) in [' ' as char, '\t' as char])) end++
                result << new Field(text: line.substring(i, end), objects: null, quoted: false)
                i = end
            }
        }
        result
    }

    /** The unescaped text of the quoted string starting at {@code start}, and the index after it. */
    private static List quoted(String line, int start) {
        StringBuilder text = new StringBuilder()
        int i = start + 1
        while (true) {
            if (i >= line.length()) throw new IllegalStateException("an unclosed quote in: $line")
            char c = line.charAt(i)
            if (c == '\\' as char && i + 1 < line.length()) {
                text.append(line.charAt(i + 1))
                i += 2
            } else if (c == '"' as char) {
                return [text.toString(), i + 1]
            } else {
                text.append(c)
                i++
            }
        }
    }

    private static int closingBrace(String line, int open) {
        boolean inQuote = false
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i)
            if (inQuote && c == '\\' as char) {
                i++
            } else if (c == '"' as char) {
                inQuote = !inQuote
            } else if (!inQuote && c == '}' as char) {
                return i
            }
        }
        throw new IllegalStateException("an unclosed object list in: $line")
    }
}
