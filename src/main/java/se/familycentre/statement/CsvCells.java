package se.familycentre.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Sek;

/**
 * The cells of the CSV files Swedish finance staff open in Excel, written alike by every export:
 * UTF-8 with a BOM, semicolons, CRLF, a decimal comma with no thousands separator and an ASCII
 * minus, text quoted only where it must be and neutralised where a spreadsheet would run it as a
 * formula.
 */
public final class CsvCells {

    /** The byte order mark Excel needs to read the file as UTF-8. */
    public static final String BOM = "\uFEFF";
    public static final String SEPARATOR = ";";
    public static final String LINE_END = "\r\n";

    /** The characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
    private static final String FORMULA_START = "=+-@\t\r";

    private CsvCells() {
    }

    /** A row of cells, each already written, with its line end. */
    public static void row(StringBuilder out, List<String> cells) {
        out.append(String.join(SEPARATOR, cells)).append(LINE_END);
    }

    /** The file's bytes: the text in UTF-8 after the BOM. */
    public static byte[] bytes(StringBuilder rows) {
        return (BOM + rows).getBytes(StandardCharsets.UTF_8);
    }

    /** An amount at two decimals with a decimal comma and an ASCII minus; no thousands separator. */
    public static String money(MonetaryAmount amount) {
        return money(Sek.decimal(amount));
    }

    /** An amount in kronor at two decimals (throws if it is not whole öre). */
    public static String money(BigDecimal kronor) {
        return kronor.setScale(2, RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
    }

    /** A weight or percentage as written (40, 97,5), with a decimal comma. */
    public static String decimal(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString().replace('.', ',');
    }

    /**
     * A text cell as written: one that a spreadsheet would take for a formula (it starts with
     * {@code = + - @}, a tab or a carriage return) gets a single quote in front, so it is shown
     * as the text it is, and is quoted; a cell holding a separator, a quote or a line break is
     * quoted, its quotes doubled. Amounts are numbers and never pass here: a negative amount
     * stays {@code -1234,56}.
     */
    public static String text(String cell) {
        if (cell == null) {
            return "";
        }
        if (!cell.isEmpty() && FORMULA_START.indexOf(cell.charAt(0)) >= 0) {
            return quoted("'" + cell);
        }
        if (cell.contains(";") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return quoted(cell);
        }
        return cell;
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
