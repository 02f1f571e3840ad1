package se.familycentre.sie;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A voucher ({@code #VER series number date "text"}) and its transactions.
 * The number may be empty: an import file then leaves the numbering to the
 * receiving ledger. Whether it balances is checked by {@link SieWriter}, which
 * names the voucher when it refuses one.
 */
public record SieVoucher(
        String series,
        String number,
        LocalDate date,
        String text,
        List<SieTransaction> transactions) {

    public SieVoucher {
        SieHeader.requireText(series, "voucher series");
        number = number == null ? "" : number;
        Objects.requireNonNull(date, "voucher date");
        text = text == null ? "" : text;
        transactions = List.copyOf(Objects.requireNonNull(transactions, "transactions"));
    }

    /** The sum of the transactions; zero for a balanced voucher. */
    public BigDecimal sum() {
        BigDecimal sum = BigDecimal.ZERO;
        for (SieTransaction transaction : transactions) {
            sum = sum.add(transaction.amount());
        }
        return sum;
    }

    /** How a refusal names the voucher: series, number, date and text. */
    public String describe() {
        return "voucher " + series + (number.isEmpty() ? "" : " " + number) + " of " + date
                + (text.isEmpty() ? "" : " '" + text + "'");
    }
}
