/**
 * A pure writer of SIE 4I files: the Swedish import format with which a
 * pre-system (here: the cost sharing of family centres) hands vouchers
 * (verifikationer) to a ledger. Plain Java, no framework, and nothing else of
 * the project: the callers translate their own results into these values.
 *
 * <p>The facts of the format this package relies on (SIE file format, edition
 * 4B/4C): one record per line, a label starting with {@code #} and fields
 * separated by spaces; any field may be enclosed in double quotes, inside which
 * a quote is escaped as {@code \"}; the character set is IBM PC-8 (code page
 * 437, declared with {@code #FORMAT PC8}); dates are written {@code YYYYMMDD};
 * amounts use a full stop as decimal separator, at most two decimals and a
 * leading minus for credits; a voucher ({@code #VER}) holds its transactions
 * ({@code #TRANS}) between a line with <code>{</code> and a line with
 * <code>}</code>, and its transactions sum to zero. Type 4I carries only
 * vouchers (plus the accounts, dimensions and objects they use), and
 * {@code #FLAGGA 0} tells the receiving ledger the file has not been read yet.
 */
package se.familycentre.sie;
