package se.familycentre.sie;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes a SIE 4I file: the vouchers a pre-system hands to a ledger, with the
 * accounts and cost centres they use. The bytes are code page 437 (PC-8) with
 * CRLF line ends, in this order:
 *
 * <pre>
 * #FLAGGA 0
 * #FORMAT PC8
 * #SIETYP 4
 * #PROGRAM "name" "version"
 * #GEN YYYYMMDD
 * #FNAMN "company"
 * #ORGNR NNNNNN-NNNN
 * #PROSA "text"                      (only if the header has one)
 * #KONTO number "name"               (each account used, by number)
 * #DIM 1 "Kostnadsställe"
 * #OBJEKT 1 "code" "name"            (each cost centre used, by code)
 * #VER "series" "number" YYYYMMDD "text"
 * {
 * #TRANS account {1 "code"} amount [date "text"]
 * }
 * </pre>
 *
 * <p>Amounts always have two decimals and a full stop ({@code -111592.85},
 * {@code 1500.00}); every text field is quoted, with {@code "} written
 * {@code \"} and {@code \} written {@code \\}; a character code page 437 cannot
 * encode becomes {@code ?} and control characters are dropped, so a text never
 * makes the writer fail. A voucher without transactions, one whose
 * transactions do not sum to exactly 0.00, one with an amount in fractions of
 * an öre, and an account number or cost centre code named in two ways are
 * refused with an {@link IllegalArgumentException} before anything is written.
 *
 * <p>Stateless and thread-safe.
 */
public final class SieWriter {

    /** IBM PC-8, the only character set SIE 1–4 allows ({@code #FORMAT PC8}). */
    public static final Charset PC8 = Charset.forName("IBM437");

    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** The file for these vouchers, in the order given. */
    public byte[] write(SieHeader header, List<SieVoucher> vouchers) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(vouchers, "vouchers");
        vouchers.forEach(SieWriter::check);
        Map<Integer, SieAccount> accounts = new TreeMap<>();
        Map<String, SieCostCentre> costCentres = new TreeMap<>();
        for (SieVoucher voucher : vouchers) {
            for (SieTransaction transaction : voucher.transactions()) {
                collect(accounts, transaction.account().number(), transaction.account(), voucher);
                if (transaction.costCentre() != null) {
                    collect(costCentres, transaction.costCentre().code(), transaction.costCentre(), voucher);
                }
            }
        }

        StringBuilder sie = new StringBuilder();
        line(sie, "#FLAGGA 0");
        line(sie, "#FORMAT PC8");
        line(sie, "#SIETYP 4");
        line(sie, "#PROGRAM " + quote(header.programName()) + " " + quote(header.programVersion()));
        line(sie, "#GEN " + date(header.generated()));
        line(sie, "#FNAMN " + quote(header.companyName()));
        line(sie, "#ORGNR " + header.organisationNumber());
        if (header.text() != null) {
            line(sie, "#PROSA " + quote(header.text()));
        }
        for (SieAccount account : accounts.values()) {
            line(sie, "#KONTO " + account.number() + " " + quote(account.name()));
        }
        line(sie, "#DIM " + SieCostCentre.DIMENSION + " " + quote(SieCostCentre.DIMENSION_NAME));
        for (SieCostCentre costCentre : costCentres.values()) {
            line(sie, "#OBJEKT " + SieCostCentre.DIMENSION + " " + quote(costCentre.code()) + " "
                    + quote(costCentre.name()));
        }
        for (SieVoucher voucher : vouchers) {
            line(sie, "#VER " + quote(voucher.series()) + " " + quote(voucher.number()) + " "
                    + date(voucher.date()) + " " + quote(voucher.text()));
            line(sie, "{");
            for (SieTransaction transaction : voucher.transactions()) {
                line(sie, transaction(transaction));
            }
            line(sie, "}");
        }
        return encode(sie);
    }

    private static void check(SieVoucher voucher) {
        Objects.requireNonNull(voucher, "voucher");
        if (voucher.transactions().isEmpty()) {
            throw new IllegalArgumentException(voucher.describe() + " has no transactions");
        }
        for (SieTransaction transaction : voucher.transactions()) {
            if (transaction.hasFractionOfOre()) {
                throw new IllegalArgumentException(voucher.describe() + " has an amount with more than two decimals: "
                        + transaction.amount().toPlainString() + " on account " + transaction.account().number());
            }
        }
        BigDecimal sum = voucher.sum();
        if (sum.signum() != 0) {
            throw new IllegalArgumentException(voucher.describe() + " does not balance: its transactions sum to "
                    + sum.toPlainString() + ", not 0.00");
        }
    }

    private static <K, V> void collect(Map<K, V> used, K key, V value, SieVoucher voucher) {
        V earlier = used.putIfAbsent(key, value);
        if (earlier != null && !earlier.equals(value)) {
            throw new IllegalArgumentException(voucher.describe() + " names " + value + ", but another voucher named "
                    + earlier + "; one file declares each account and cost centre once");
        }
    }

    /** {@code #TRANS account {objects} amount}, then the date and text if there are any. */
    private static String transaction(SieTransaction transaction) {
        StringBuilder line = new StringBuilder("#TRANS ").append(transaction.account().number()).append(" {");
        if (transaction.costCentre() != null) {
            line.append(SieCostCentre.DIMENSION).append(' ').append(quote(transaction.costCentre().code()));
        }
        line.append("} ").append(amount(transaction.amount()));
        if (transaction.date() != null || transaction.text() != null) {
            // An empty field is written as "" so that the text keeps its position.
            line.append(' ').append(transaction.date() == null ? "\"\"" : date(transaction.date()));
            if (transaction.text() != null) {
                line.append(' ').append(quote(transaction.text()));
            }
        }
        return line.toString();
    }

    /** Two decimals, a full stop, a leading minus, no grouping: {@code -111592.85}. */
    static String amount(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    static String date(LocalDate date) {
        return date.format(DATE);
    }

    /**
     * A text field: in double quotes, a quote and a backslash escaped with a
     * backslash, control characters dropped and characters code page 437
     * cannot encode replaced by {@code ?}.
     */
    static String quote(String text) {
        CharsetEncoder encoder = PC8.newEncoder();
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                return;
            }
            if (c == '"' || c == '\\') {
                quoted.append('\\').append((char) c);
            } else if (Character.isBmpCodePoint(c) && encoder.canEncode((char) c)) {
                quoted.append((char) c);
            } else {
                quoted.append('?');
            }
        });
        return quoted.append('"').toString();
    }

    private static void line(StringBuilder sie, String line) {
        sie.append(line).append(CRLF);
    }

    /** Every character has been made encodable by {@link #quote}; the rest of the file is ASCII. */
    private static byte[] encode(StringBuilder sie) {
        return sie.toString().getBytes(PC8);
    }
}
