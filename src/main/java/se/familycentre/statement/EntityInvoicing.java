package se.familycentre.statement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a legal entity's statements need to be paid, taxed, addressed and posted (issue 10): where to
 * pay (bankgiro, plusgiro, IBAN and BIC), how VAT is treated (RULES §5), whom to ask, where the
 * e-invoice goes (PEPPOL), and the accounts its postings use. Every value but the VAT treatment and
 * the accounts may be absent.
 *
 * @param vatReason the text a statement prints for VAT 0 ({@code OUTSIDE_SCOPE}, {@code EXEMPT})
 * @param accounts  posting role ({@link #ACCOUNT_ROLES}) to account number; missing roles take
 *                  {@link #DEFAULT_ACCOUNTS}
 */
public record EntityInvoicing(String bankgiro, String plusgiro, String iban, String bic, String vatNumber,
                              VatTreatment vatTreatment, String vatReason, String contactName, String contactEmail,
                              String contactPhone, String peppolScheme, String peppolId,
                              Map<String, String> accounts) {

    /** RULES §5: how a creditor's statements are taxed. */
    public enum VatTreatment { OUTSIDE_SCOPE, EXEMPT, STANDARD }

    /** The text printed for cost sharing between public bodies when the entity gives none. */
    public static final String DEFAULT_OUTSIDE_SCOPE_REASON =
            "Kostnadsfördelning mellan offentliga huvudmän enligt samverkansavtal; utanför mervärdesskattens "
                    + "tillämpningsområde";

    /** The PEPPOL participant scheme for a Swedish organisationsnummer. */
    public static final String SCHEME_ORGANISATION_NUMBER = "0007";

    /**
     * BAS-based accounts a statement posts to, by role: the creditor's receivable and revenue, the
     * debtor's cost and payable, and VAT out and in. An entity changes any of them.
     */
    public static final Map<String, String> DEFAULT_ACCOUNTS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("receivable", "1510");
        m.put("revenue", "3990");
        m.put("cost", "6990");
        m.put("payable", "2440");
        m.put("vatOutput", "2611");
        m.put("vatInput", "2641");
        DEFAULT_ACCOUNTS = java.util.Collections.unmodifiableMap(m);
    }

    public static final java.util.Set<String> ACCOUNT_ROLES = DEFAULT_ACCOUNTS.keySet();

    public EntityInvoicing {
        vatTreatment = vatTreatment == null ? VatTreatment.OUTSIDE_SCOPE : vatTreatment;
        Map<String, String> all = new LinkedHashMap<>(DEFAULT_ACCOUNTS);
        if (accounts != null) {
            all.putAll(accounts);
        }
        accounts = java.util.Collections.unmodifiableMap(all);
    }

    /** Nothing given: VAT outside scope, the default accounts. */
    public static EntityInvoicing none() {
        return new EntityInvoicing(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The VAT text a statement prints: the entity's own, else the default for outside scope. */
    public String vatText() {
        if (vatReason != null && !vatReason.isBlank()) {
            return vatReason;
        }
        return vatTreatment == VatTreatment.OUTSIDE_SCOPE ? DEFAULT_OUTSIDE_SCOPE_REASON : null;
    }
}
