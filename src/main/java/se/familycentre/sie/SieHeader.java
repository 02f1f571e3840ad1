package se.familycentre.sie;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identification records of a SIE file: the program that wrote it
 * ({@code #PROGRAM name version}), the day it was generated ({@code #GEN}), the
 * company whose ledger receives the vouchers ({@code #FNAMN}) and its
 * organisation number ({@code #ORGNR}, written NNNNNN-NNNN), and an optional
 * free text for the person importing the file ({@code #PROSA}, null if none).
 *
 * <p>The organisation number is accepted with or without its hyphen and kept
 * in the written form, NNNNNN-NNNN.
 */
public record SieHeader(
        String programName,
        String programVersion,
        LocalDate generated,
        String companyName,
        String organisationNumber,
        String text) {

    private static final Pattern ORGANISATION_NUMBER = Pattern.compile("(\\d{6})-?(\\d{4})");

    public SieHeader {
        requireText(programName, "program name");
        requireText(programVersion, "program version");
        Objects.requireNonNull(generated, "generation date");
        requireText(companyName, "company name");
        organisationNumber = organisationNumber(organisationNumber);
    }

    /** A header without a free text. */
    public SieHeader(String programName, String programVersion, LocalDate generated, String companyName,
            String organisationNumber) {
        this(programName, programVersion, generated, companyName, organisationNumber, null);
    }

    private static String organisationNumber(String value) {
        Objects.requireNonNull(value, "organisation number");
        var matcher = ORGANISATION_NUMBER.matcher(value.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("an organisation number is ten digits, NNNNNN-NNNN, not '" + value + "'");
        }
        return matcher.group(1) + "-" + matcher.group(2);
    }

    static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is blank");
        }
    }
}
