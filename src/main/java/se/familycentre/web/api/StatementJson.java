package se.familycentre.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.Sek;
import se.familycentre.statement.EntityInvoicing;
import se.familycentre.statement.Party;
import se.familycentre.statement.Statement;
import se.familycentre.statement.Vat;

/** A statement's content over HTTP: every printed line with its basis, the sums and the total. */
@Serdeable
public record StatementJson(
        @Nullable String centre,
        PeriodDto period,
        PartyDto creditor,
        PartyDto debtor,
        List<ServiceDto> debtorServices,
        List<ServiceDto> creditorServices,
        List<LineDto> lines,
        Map<String, Amount> sums,
        Amount total,
        boolean internal,
        @Nullable VatDto vat,
        @Nullable Amount payable) {

    /**
     * The statement's VAT (RULES §5) as every output shows it: the creditor's treatment, the rate
     * ("25" under STANDARD), the amount and, at 0 %, why. Absent on an internal transfer.
     */
    @Serdeable
    public record VatDto(String treatment, String rate, Amount amount, @Nullable String text) {
    }

    /** An amount as a decimal string with two decimals, and its currency: never read through a double. */
    @Serdeable
    public record Amount(String amount, String currency) {
        static Amount of(MonetaryAmount m) {
            return new Amount(Sek.plain(m), m.getCurrency().getCurrencyCode());
        }
    }

    /** A stretch of the period with the amount in force, the rule and every member's weight. */
    @Serdeable
    public record SegmentDto(LocalDate from, LocalDate to, long days, String rule, String amount,
                             List<WeightDto> weights) {
    }

    @Serdeable
    public record WeightDto(String service, String weight) {
    }

    @Serdeable
    public record PeriodDto(LocalDate from, LocalDate to, String label) {
    }

    @Serdeable
    public record PartyDto(String organisationNumber, @Nullable String name, @Nullable String invoiceAddress,
                           @Nullable String reference,
                           int paymentTermsDays, @Nullable String costCentre) {
    }

    @Serdeable
    public record ServiceDto(String id, String type, @Nullable String name, @Nullable String costReference) {
    }

    @Serdeable
    public record LineDto(String lineId, @Nullable String lineName, String origin, String pool, @Nullable String payerService,
                          Amount lineTotal, List<SegmentDto> basis, @Nullable String debtorService, Amount share) {
    }

    static StatementJson of(Statement s) {
        Map<String, Amount> sums = new LinkedHashMap<>();
        s.sumsByPool().forEach((pool, sum) -> sums.put(pool.name(), Amount.of(sum)));
        return new StatementJson(s.centre(), new PeriodDto(s.period().from(), s.period().to(), s.period().label()),
                party(s.creditor()), party(s.debtor()), services(s.debtorServices()), services(s.creditorServices()),
                s.lines().stream().map(l -> new LineDto(l.lineId(), l.lineName(), l.origin().name(), l.pool().name(),
                        l.payerService(), Amount.of(l.lineTotal()), l.basis().stream().map(StatementJson::segment).toList(),
                        l.debtorService(), Amount.of(l.share()))).toList(),
                sums, Amount.of(s.total()), s.internal(), vat(s), s.internal() ? null
                        : Amount.of(Sek.sek(Sek.decimal(s.total()).add(vatAmount(s)))));
    }

    private static java.math.BigDecimal vatAmount(Statement s) {
        return Vat.of(s);
    }

    private static VatDto vat(Statement s) {
        if (s.internal()) {
            return null;
        }
        EntityInvoicing.VatTreatment t = s.creditor().invoicing().vatTreatment();
        boolean standard = t == EntityInvoicing.VatTreatment.STANDARD;
        return new VatDto(t.name(), standard ? Vat.STANDARD_RATE.movePointRight(2).stripTrailingZeros().toPlainString() : "0",
                Amount.of(Sek.sek(vatAmount(s))), standard ? null : s.creditor().invoicing().vatText());
    }

    private static PartyDto party(Party p) {
        return new PartyDto(p.organisationNumber(), p.name(), p.invoiceAddress(), p.reference(), p.paymentTermsDays(),
                p.costCentre());
    }

    private static List<ServiceDto> services(List<Statement.ServiceRef> refs) {
        return refs.stream().map(r -> new ServiceDto(r.id(), r.type(), r.name(), r.costReference())).toList();
    }

    private static SegmentDto segment(Allocation.Segment s) {
        return new SegmentDto(s.from(), s.to(), s.days(), s.rule().name(), s.amount().toPlainString(),
                s.weights().stream().map(w -> new WeightDto(w.service(), w.weight().toPlainString())).toList());
    }
}
