package se.familycentre.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.Sek;

/**
 * The calculation's answer. Amounts are decimal strings with two decimals and a
 * currency, so no client ever reads them through a double.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AllocationResponse(
        String centre,
        PeriodDto period,
        List<StretchDto> classification,
        List<WarningDto> warnings,
        List<LineDto> lines,
        List<ServiceDto> services,
        List<FlowDto> flows) {

    @Serdeable
    public record Amount(String amount, String currency) {
        public static Amount of(MonetaryAmount m) {
            return new Amount(Sek.plain(m), m.getCurrency().getCurrencyCode());
        }
    }

    @Serdeable
    public record PeriodDto(LocalDate from, LocalDate to, String label, long days) {
    }

    @Serdeable
    public record StretchDto(LocalDate from, LocalDate to, String classification, String reason) {
    }

    @Serdeable
    public record WarningDto(String code, String message) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineDto(String id, String name, String origin, String pool, String payer, String periodicity,
                          String borneBy, Amount total, List<ShareDto> shares, ExplanationDto explanation) {
    }

    @Serdeable
    public record ShareDto(String service, Amount amount) {
    }

    /** Why the shares are what they are: per stretch of the period, the amount in force, the rule and the weights. */
    @Serdeable
    public record ExplanationDto(List<SegmentDto> segments) {
    }

    @Serdeable
    public record SegmentDto(LocalDate from, LocalDate to, long days, String rule, String amount,
                             List<WeightDto> weights) {
    }

    @Serdeable
    public record WeightDto(String service, String weight) {
    }

    @Serdeable
    public record ServiceDto(String id, String type, String entity, Map<String, Amount> pools, Amount total,
                             Amount paid) {
    }

    @Serdeable
    public record PartyDto(String organisationNumber, String name) {
    }

    @Serdeable
    public record FlowDto(PartyDto creditor, PartyDto debtor, Amount amount, boolean internal,
                          List<ServiceFlowDto> services) {
    }

    @Serdeable
    public record ServiceFlowDto(String creditorService, String debtorService, Amount amount) {
    }

    public static AllocationResponse of(Allocation a, Centre centre) {
        Map<String, String> names = new LinkedHashMap<>();
        for (LegalEntity e : centre.entities()) {
            names.put(OrganisationNumber.normalise(e.organisationNumber()), e.name());
        }
        return new AllocationResponse(
                a.centre(),
                new PeriodDto(a.period().from(), a.period().to(), a.period().label(), a.period().days()),
                a.classification().stream()
                        .map(s -> new StretchDto(s.from(), s.to(), s.classification().name(), s.reason())).toList(),
                a.warnings().stream().map(w -> new WarningDto(w.code(), w.message())).toList(),
                a.lines().stream().map(AllocationResponse::line).toList(),
                a.services().stream().map(s -> {
                    Map<String, Amount> pools = new LinkedHashMap<>();
                    for (Pool p : Pool.values()) {
                        pools.put(p.name(), Amount.of(s.byPool().get(p)));
                    }
                    return new ServiceDto(s.service(), s.type().name(), s.entity(), pools, Amount.of(s.total()),
                            Amount.of(s.paid()));
                }).toList(),
                a.flows().stream().map(f -> new FlowDto(
                        new PartyDto(f.creditor(), names.get(f.creditor())),
                        new PartyDto(f.debtor(), names.get(f.debtor())),
                        Amount.of(f.amount()), f.internal(),
                        f.services().stream().map(sf -> new ServiceFlowDto(sf.creditorService(), sf.debtorService(),
                                Amount.of(sf.amount()))).toList())).toList());
    }

    /** At least two decimals, more only where the amount has them (a rent per m² × area may). */
    private static String amountText(java.math.BigDecimal amount) {
        java.math.BigDecimal plain = amount.stripTrailingZeros();
        return plain.scale() < 2 ? plain.setScale(2).toPlainString() : plain.toPlainString();
    }

    private static LineDto line(Allocation.LineAllocation l) {
        return new LineDto(l.id(), l.name(), l.origin().name(), l.pool().name(), l.payer(), l.periodicity().name(),
                l.borneBy(), Amount.of(l.total()),
                l.shares().stream().map(s -> new ShareDto(s.service(), Amount.of(s.amount()))).toList(),
                new ExplanationDto(l.segments().stream().map(s -> new SegmentDto(s.from(), s.to(), s.days(), s.rule().name(),
                        amountText(s.amount()),
                        s.weights().stream().map(w -> new WeightDto(w.service(), w.weight().stripTrailingZeros().toPlainString()))
                                .toList())).toList()));
    }
}
