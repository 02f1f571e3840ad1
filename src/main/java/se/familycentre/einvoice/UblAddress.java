package se.familycentre.einvoice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A party's invoice address, as the registry keeps it (free lines, the last usually
 * {@code 405 00 Göteborg}), in the fields of a UBL postal address: the line with a Swedish postal
 * code gives {@code PostalZone} and {@code CityName}; the other lines, in order, give
 * {@code StreetName}, {@code AdditionalStreetName} and one {@code AddressLine} holding the rest.
 * A line that only names the country (Sverige, Sweden) is dropped: the country is always
 * {@code SE}. Any field may be null; an address with no lines still has its country.
 */
record UblAddress(String street, String additionalStreet, String city, String postalZone, String line) {

    static final String COUNTRY = "SE";

    /** A Swedish postal code (five digits, often written NNN NN, sometimes after SE-) and the town. */
    private static final Pattern POSTAL = Pattern.compile("(?:SE-?\\s*)?(\\d{3})\\s?(\\d{2})\\s+(\\S.*)");

    static UblAddress parse(String invoiceAddress) {
        List<String> lines = new ArrayList<>();
        if (invoiceAddress != null) {
            for (String part : invoiceAddress.split("\\R")) {
                String clean = UblXml.clean(part);
                if (clean != null && !isCountry(clean)) {
                    lines.add(clean);
                }
            }
        }
        String zone = null;
        String city = null;
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = POSTAL.matcher(lines.get(i));
            if (m.matches()) {
                zone = m.group(1) + " " + m.group(2);
                city = m.group(3);
                lines.remove(i);
                break;
            }
        }
        String street = lines.size() > 0 ? lines.get(0) : null;
        String additional = lines.size() > 1 ? lines.get(1) : null;
        String rest = lines.size() > 2 ? String.join(", ", lines.subList(2, lines.size())) : null;
        return new UblAddress(street, additional, city, zone, rest);
    }

    private static boolean isCountry(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        return l.equals("sverige") || l.equals("sweden") || l.equals("se");
    }
}
