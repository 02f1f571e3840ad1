package se.familycentre.invoicing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.Fraction;
import se.familycentre.allocation.LineOrigin;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.Sek;
import se.familycentre.statement.EntityInvoicing;
import se.familycentre.statement.Party;
import se.familycentre.statement.Statement;
import se.familycentre.statement.StatementLine;

/**
 * An issued statement's content as the archive keeps it for the seven years
 * bookkeeping law asks: everything printed, in a format of its own that no API
 * change touches. Amounts and weights are decimal strings.
 *
 * <p>Versions: 0 (no {@code formatVersion}) was written before the format had a
 * version and lacks {@code centreServices} and {@code basis}; 1 adds them, so a
 * statement re-renders from its content alone; 2 adds each party's cost centre and invoicing data
 * (payment details, VAT treatment, contact, PEPPOL endpoint, accounts) as they were at issue,
 * each line's periodicity, and a credit statement's reason; its credit statements keep the
 * original's line totals (only shares and sums are negated); 3 adds the index factor of each
 * segment of an indexed line (series, base year, the October used, both values, share, floor and the
 * exact factor as a fraction), so the statement prints which factor applied.
 */
@Serdeable
public record ArchivedStatement(
        @Nullable Integer formatVersion,
        String centre,
        ArchivedPeriod period,
        ArchivedParty creditor,
        ArchivedParty debtor,
        List<ArchivedService> debtorServices,
        List<ArchivedService> creditorServices,
        @Nullable List<ArchivedService> centreServices,
        List<ArchivedLine> lines,
        Map<String, ArchivedAmount> sums,
        ArchivedAmount total,
        boolean internal,
        @Nullable String basis,
        @Nullable String creditReason,
        @Nullable String rentPerSquareMetreYear) {

    /** The version this code writes. */
    public static final int CURRENT_VERSION = 3;

    @Serdeable
    public record ArchivedPeriod(LocalDate from, LocalDate to, String label) {
    }

    @Serdeable
    public record ArchivedParty(String organisationNumber, String name, @Nullable String invoiceAddress,
                                @Nullable String reference, int paymentTermsDays, @Nullable String costCentre,
                                @Nullable ArchivedInvoicing invoicing) {
    }

    /** {@link EntityInvoicing} as issued; absent before version 2 (VAT outside scope, default accounts). */
    @Serdeable
    public record ArchivedInvoicing(@Nullable String bankgiro, @Nullable String plusgiro, @Nullable String iban,
                                    @Nullable String bic, @Nullable String vatNumber, String vatTreatment,
                                    @Nullable String vatReason, @Nullable String contactName,
                                    @Nullable String contactEmail, @Nullable String contactPhone,
                                    @Nullable String peppolScheme, @Nullable String peppolId,
                                    Map<String, String> accounts) {

        static ArchivedInvoicing of(EntityInvoicing i) {
            return new ArchivedInvoicing(i.bankgiro(), i.plusgiro(), i.iban(), i.bic(), i.vatNumber(),
                    i.vatTreatment().name(), i.vatReason(), i.contactName(), i.contactEmail(), i.contactPhone(),
                    i.peppolScheme(), i.peppolId(), new LinkedHashMap<>(i.accounts()));
        }

        EntityInvoicing toInvoicing() {
            return new EntityInvoicing(bankgiro, plusgiro, iban, bic, vatNumber,
                    EntityInvoicing.VatTreatment.valueOf(vatTreatment), vatReason, contactName, contactEmail,
                    contactPhone, peppolScheme, peppolId, accounts);
        }
    }

    @Serdeable
    public record ArchivedService(String id, String type, @Nullable String name, @Nullable String costReference) {
    }

    @Serdeable
    public record ArchivedLine(String lineId, String lineName, String origin, String pool, String payerService,
                               ArchivedAmount lineTotal, List<ArchivedSegment> basis, String debtorService,
                               ArchivedAmount share, @Nullable String periodicity) {
    }

    @Serdeable
    public record ArchivedSegment(LocalDate from, LocalDate to, long days, String rule, String amount,
                                  List<ArchivedWeight> weights, @Nullable ArchivedIndexFactor indexation) {
    }

    /** {@link Allocation.IndexFactor}; the factor exact, as {@code numerator/denominator}. Absent before version 3. */
    @Serdeable
    public record ArchivedIndexFactor(String series, int baseYear, @Nullable Integer indexYear, @Nullable String index,
                                      @Nullable String baseIndex, String share, boolean floor, String factor) {
    }

    @Serdeable
    public record ArchivedWeight(String service, String weight) {
    }

    @Serdeable
    public record ArchivedAmount(String amount, String currency) {
    }

    public int version() {
        return formatVersion == null ? 0 : formatVersion;
    }

    /** The archive's copy of a statement as it is issued. */
    static ArchivedStatement of(Statement s, List<Statement.ServiceRef> centreServices, String basis) {
        return of(s, centreServices, basis, null);
    }

    /** The archive's copy of a credit statement, with the reason it was made. */
    static ArchivedStatement of(Statement s, List<Statement.ServiceRef> centreServices, String basis,
                                String creditReason) {
        Map<String, ArchivedAmount> sums = new LinkedHashMap<>();
        s.sumsByPool().forEach((pool, sum) -> sums.put(pool.name(), amount(sum)));
        return new ArchivedStatement(CURRENT_VERSION, s.centre(),
                new ArchivedPeriod(s.period().from(), s.period().to(), s.period().label()),
                party(s.creditor()), party(s.debtor()), services(s.debtorServices()), services(s.creditorServices()),
                services(centreServices),
                s.lines().stream().map(l -> new ArchivedLine(l.lineId(), l.lineName(), l.origin().name(),
                        l.pool().name(), l.payerService(), amount(l.lineTotal()),
                        l.basis().stream().map(ArchivedStatement::segment).toList(), l.debtorService(),
                        amount(l.share()), l.periodicity() == null ? null : l.periodicity().name())).toList(),
                sums, amount(s.total()), s.internal(), basis, creditReason,
                s.rentPerSquareMetreYear() == null ? null : s.rentPerSquareMetreYear().toPlainString());
    }

    /** The statement as it was printed. */
    public Statement toStatement() {
        Map<Pool, MonetaryAmount> sumsByPool = new EnumMap<>(Pool.class);
        sums.forEach((pool, sum) -> sumsByPool.put(Pool.valueOf(pool), money(sum)));
        return new Statement(centre, new se.familycentre.allocation.Period(period.from(), period.to()),
                party(creditor), party(debtor), refs(debtorServices), refs(creditorServices),
                lines.stream().map(l -> new StatementLine(l.lineId(), l.lineName(), LineOrigin.valueOf(l.origin()),
                        Pool.valueOf(l.pool()), l.payerService(), money(l.lineTotal()),
                        l.basis().stream().map(ArchivedStatement::segment).toList(), l.debtorService(),
                        money(l.share()), l.periodicity() == null ? null
                                : se.familycentre.allocation.Periodicity.valueOf(l.periodicity()))).toList(),
                sumsByPool, money(total), rentPerSquareMetreYear == null ? null : new BigDecimal(rentPerSquareMetreYear));
    }

    /** Every service of the centre when it was issued; empty for version 0, which did not keep them. */
    public List<Statement.ServiceRef> centreServiceRefs() {
        return centreServices == null ? List.of() : refs(centreServices);
    }

    private static ArchivedAmount amount(MonetaryAmount m) {
        return new ArchivedAmount(Sek.plain(m), m.getCurrency().getCurrencyCode());
    }

    private static MonetaryAmount money(ArchivedAmount a) {
        return Sek.sek(new BigDecimal(a.amount()));
    }

    private static ArchivedParty party(Party p) {
        return new ArchivedParty(p.organisationNumber(), p.name(), p.invoiceAddress(), p.reference(),
                p.paymentTermsDays(), p.costCentre(), ArchivedInvoicing.of(p.invoicing()));
    }

    private static Party party(ArchivedParty p) {
        return new Party(p.organisationNumber(), p.name(), p.invoiceAddress(), p.reference(), p.paymentTermsDays(),
                p.costCentre(), p.invoicing() == null ? null : p.invoicing().toInvoicing());
    }

    private static List<ArchivedService> services(List<Statement.ServiceRef> refs) {
        return refs.stream().map(r -> new ArchivedService(r.id(), r.type(), r.name(), r.costReference())).toList();
    }

    private static List<Statement.ServiceRef> refs(List<ArchivedService> services) {
        return services.stream().map(d -> new Statement.ServiceRef(d.id(), d.type(), d.name(), d.costReference()))
                .toList();
    }

    private static ArchivedSegment segment(Allocation.Segment s) {
        Allocation.IndexFactor x = s.indexation();
        return new ArchivedSegment(s.from(), s.to(), s.days(), s.rule().name(), s.amount().toPlainString(),
                s.weights().stream().map(w -> new ArchivedWeight(w.service(), w.weight().toPlainString())).toList(),
                x == null ? null : new ArchivedIndexFactor(x.series(), x.baseYear(), x.indexYear(), plain(x.index()),
                        plain(x.baseIndex()), x.share().toPlainString(), x.floor(),
                        x.factor().numerator() + "/" + x.factor().denominator()));
    }

    private static Allocation.Segment segment(ArchivedSegment s) {
        ArchivedIndexFactor x = s.indexation();
        return new Allocation.Segment(s.from(), s.to(), s.days(), Allocation.SegmentRule.valueOf(s.rule()),
                new BigDecimal(s.amount()),
                s.weights().stream().map(w -> new Allocation.Weight(w.service(), new BigDecimal(w.weight()))).toList(),
                x == null ? null : new Allocation.IndexFactor(x.series(), x.baseYear(), x.indexYear(), decimal(x.index()),
                        decimal(x.baseIndex()), new BigDecimal(x.share()), x.floor(), fraction(x.factor())));
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static Fraction fraction(String s) {
        int slash = s.indexOf('/');
        return Fraction.of(new java.math.BigInteger(s.substring(0, slash)), new java.math.BigInteger(s.substring(slash + 1)));
    }
}
