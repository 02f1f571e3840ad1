package se.familycentre.invoicing;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.LineOrigin;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.Sek;
import se.familycentre.statement.Party;
import se.familycentre.statement.Statement;
import se.familycentre.statement.StatementLine;
import se.familycentre.web.api.AllocationResponse.Amount;
import se.familycentre.web.api.AllocationResponse.SegmentDto;
import se.familycentre.web.api.AllocationResponse.WeightDto;

/**
 * A statement's content in JSON: what the API shows and what an issued
 * statement stores, so the stored copy re-renders exactly as it was printed.
 * Amounts are decimal strings; names and addresses are the copies printed.
 */
@Serdeable
public record StatementContent(
        String centre,
        PeriodDto period,
        PartyDto creditor,
        PartyDto debtor,
        List<ServiceDto> debtorServices,
        List<ServiceDto> creditorServices,
        List<LineDto> lines,
        Map<String, Amount> sums,
        Amount total,
        boolean internal) {

    @Serdeable
    public record PeriodDto(LocalDate from, LocalDate to, String label) {
    }

    @Serdeable
    public record PartyDto(String organisationNumber, String name, String invoiceAddress, String reference,
                           int paymentTermsDays) {
    }

    @Serdeable
    public record ServiceDto(String id, String type, String name, String costReference) {
    }

    @Serdeable
    public record LineDto(String lineId, String lineName, String origin, String pool, String payerService,
                          Amount lineTotal, List<SegmentDto> basis, String debtorService, Amount share) {
    }

    public static StatementContent of(Statement s) {
        Map<String, Amount> sums = new LinkedHashMap<>();
        s.sumsByPool().forEach((pool, sum) -> sums.put(pool.name(), Amount.of(sum)));
        return new StatementContent(s.centre(), new PeriodDto(s.period().from(), s.period().to(), s.period().label()),
                party(s.creditor()), party(s.debtor()), services(s.debtorServices()), services(s.creditorServices()),
                s.lines().stream().map(l -> new LineDto(l.lineId(), l.lineName(), l.origin().name(), l.pool().name(),
                        l.payerService(), Amount.of(l.lineTotal()), l.basis().stream().map(StatementContent::segment).toList(),
                        l.debtorService(), Amount.of(l.share()))).toList(),
                sums, Amount.of(s.total()), s.internal());
    }

    public Statement toStatement() {
        Map<Pool, MonetaryAmount> sumsByPool = new EnumMap<>(Pool.class);
        sums.forEach((pool, sum) -> sumsByPool.put(Pool.valueOf(pool), money(sum)));
        return new Statement(centre, new Period(period.from(), period.to()), party(creditor), party(debtor),
                refs(debtorServices), refs(creditorServices),
                lines.stream().map(l -> new StatementLine(l.lineId(), l.lineName(), LineOrigin.valueOf(l.origin()),
                        Pool.valueOf(l.pool()), l.payerService(), money(l.lineTotal()),
                        l.basis().stream().map(StatementContent::segment).toList(), l.debtorService(), money(l.share())))
                        .toList(),
                sumsByPool, money(total));
    }

    private static MonetaryAmount money(Amount a) {
        return Sek.sek(new BigDecimal(a.amount()));
    }

    private static PartyDto party(Party p) {
        return new PartyDto(p.organisationNumber(), p.name(), p.invoiceAddress(), p.reference(), p.paymentTermsDays());
    }

    private static Party party(PartyDto p) {
        return new Party(p.organisationNumber(), p.name(), p.invoiceAddress(), p.reference(), p.paymentTermsDays());
    }

    private static List<ServiceDto> services(List<Statement.ServiceRef> refs) {
        return refs.stream().map(r -> new ServiceDto(r.id(), r.type(), r.name(), r.costReference())).toList();
    }

    private static List<Statement.ServiceRef> refs(List<ServiceDto> dtos) {
        return dtos.stream().map(d -> new Statement.ServiceRef(d.id(), d.type(), d.name(), d.costReference())).toList();
    }

    private static SegmentDto segment(Allocation.Segment s) {
        return new SegmentDto(s.from(), s.to(), s.days(), s.rule().name(), s.amount().toPlainString(),
                s.weights().stream().map(w -> new WeightDto(w.service(), w.weight().toPlainString())).toList());
    }

    private static Allocation.Segment segment(SegmentDto s) {
        return new Allocation.Segment(s.from(), s.to(), s.days(), Allocation.SegmentRule.valueOf(s.rule()), new BigDecimal(s.amount()),
                s.weights().stream().map(w -> new Allocation.Weight(w.service(), new BigDecimal(w.weight()))).toList());
    }
}
