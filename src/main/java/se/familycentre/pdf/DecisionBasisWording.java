package se.familycentre.pdf;

import se.familycentre.statement.SwedishFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.PoolRule;
import se.familycentre.allocation.RuleKind;
import se.familycentre.allocation.Sek;
import se.familycentre.scenario.Scenario;
import se.familycentre.scenario.ScenarioReport;
import se.familycentre.scenario.ScenarioRun;
import se.familycentre.statement.SwedishTerms;

/**
 * The words of a decision basis (beslutsunderlag), in Swedish: the labels, the assumptions as
 * label and value, and the names of entities, services, rules and periods. Says nothing about
 * where or in what size a text is drawn; {@link DecisionBasisPdf} lays it out.
 */
final class DecisionBasisWording implements PageWording {

    static final String TITLE = "Beslutsunderlag";
    static final String ASSUMPTIONS = "Antaganden";
    static final String SUMMARY = "Sammanfattning: kostnad per part och år";
    static final String YEARS = "Kostnad per år och part";
    static final String YEARS_NOTE = "Utbetalt: vad partens verksamheter betalar till leverantörer och anställda. "
            + "Ersätts med: vad de andra parterna ersätter parten med. Ersätter: vad parten ersätter de andra "
            + "parterna med. Totalt är partens andel av kostnaderna: utbetalt + ersätter − ersätts med.";
    static final String QUARTERS = "Första årets kvartal";
    static final String QUARTERS_NOTE = "Varje kvartal är en egen fördelning, avrundad för sig; kvartalen kan "
            + "därför skilja några öre från året.";
    static final String FRAMES = "Budgetramar";
    static final String NO_FRAMES = "Inga budgetramar har angetts.";
    static final String NO_FRAME_EXCEEDED = "Ingen part överskrider sin budgetram något år.";
    static final String WARNINGS = "Varningar";
    static final String NO_WARNINGS = "Inga varningar.";
    static final String RULES = "Jämförelse: fördelning av gemensamma lokaler";
    static final String RULES_NOTE = "Partens kostnad per år om de gemensamma lokalerna fördelas efter en annan "
            + "regel, och under den skillnaden mot planen (plus: parten betalar mer).";
    static final String SERVICES = "Jämförelse: utan en verksamhet";
    static final String SERVICES_NOTE = "Partens kostnad per år om en verksamhet inte ansluter, och under den "
            + "skillnaden mot planen (plus: parten betalar mer).";
    static final String YEAR_HEADING = "År";
    static final String QUARTER_HEADING = "Kvartal";
    static final String SUM = "Summa";
    static final String TOTAL = "Totalt";
    static final String PAID_OUT = "Utbetalt";
    static final String REIMBURSED = "Ersätts med";
    static final String REIMBURSES = "Ersätter";
    static final String OVER_FRAME = "över ramen";
    static final String CONTINUED = " (forts.)";
    static final String BULLET = "• ";

    private final ScenarioReport report;
    private final Scenario s;
    private final LocalDate printedOn;
    private final Map<String, String> entityNames = new LinkedHashMap<>();

    DecisionBasisWording(ScenarioReport report, LocalDate printedOn) {
        this.report = report;
        this.s = report.plan().scenario();
        this.printedOn = printedOn;
        for (LegalEntity e : s.entities()) {
            entityNames.put(e.organisationNumber(), e.name());
        }
    }

    @Override
    public boolean draft() {
        return false;
    }

    @Override
    public String identification() {
        return TITLE;
    }

    @Override
    public String runningHeadRight() {
        return s.name() + " · " + SwedishFormat.range(s.start(), s.end());
    }

    @Override
    public String footerLeft() {
        return TITLE + " · " + s.name() + " · utskrivet " + SwedishFormat.date(printedOn);
    }

    String documentTitle() {
        return TITLE + " – " + s.name();
    }

    String documentSubject() {
        return "Budget för en planerad familjecentral, " + SwedishFormat.range(s.start(), s.end());
    }

    String planName() {
        return s.name();
    }

    /** The lines under the title: printed, period and horizon. */
    List<String[]> headRows() {
        return List.of(
                new String[] {"Utskrivet", SwedishFormat.date(printedOn)},
                new String[] {"Period", SwedishFormat.range(s.start(), s.end()) + " (" + years(s.horizonYears()) + ")"});
    }

    /** A planned service's name, or its type's Swedish name when the plan gives none. */
    static String serviceName(Scenario.PlannedService p) {
        return p.name() == null || p.name().isBlank() ? SwedishFormat.serviceType(p.type()) : p.name();
    }

    /** The assumptions the budget rests on, as label and value. */
    List<String[]> assumptionRows() {
        List<String[]> rows = new ArrayList<>();
        Scenario.Assumptions a = s.assumptions();
        rows.add(row("Start", SwedishFormat.date(s.start())));
        rows.add(row("Horisont", years(s.horizonYears()) + ", till och med " + SwedishFormat.date(s.end())));
        rows.add(row("Löneökning", percent(a.salaryIncreasePercent()) + " per år, vid lönerevisionen "
                + monthDay(a.salaryRevision())));
        rows.add(row("Antagen KPI-förändring", percent(a.indexChangePercent())
                + " per år efter senast kända oktoberindex"));
        rows.add(row("Verksamheter", null));
        for (Scenario.PlannedService p : s.services()) {
            StringBuilder b = new StringBuilder(serviceName(p));
            if (!serviceName(p).equalsIgnoreCase(SwedishFormat.serviceType(p.type()))) {
                b.append(" – ").append(SwedishFormat.serviceType(p.type()));
            }
            b.append(", ").append(entity(p.entity()));
            if (p.from() != null && p.from().isAfter(s.start())) {
                b.append(", från ").append(SwedishFormat.date(p.from()));
            }
            if (!p.coLocated()) {
                b.append(", inte samlokaliserad");
            }
            if (p.dedicatedArea() != null && p.dedicatedArea().signum() > 0) {
                b.append(", egna lokaler ").append(area(p.dedicatedArea()));
            }
            rows.add(row("", b.toString()));
        }
        BigDecimal shared = BigDecimal.ZERO;
        rows.add(row("Gemensamma lokaler", null));
        for (Scenario.PlannedRoom r : s.sharedRooms()) {
            String type = SwedishTerms.roomType(r.type());
            String name = r.name() == null || r.name().isBlank() ? type
                    : r.name().equalsIgnoreCase(type) ? r.name() : r.name() + " (" + type.toLowerCase() + ")";
            rows.add(row("", name + ", " + area(r.area())));
            shared = shared.add(r.area());
        }
        rows.add(row("", "Sammanlagt " + area(shared)));
        if (s.rentPerSquareMetreYear() != null) {
            String rent = SwedishFormat.amount(s.rentPerSquareMetreYear()) + " per m² och år";
            if (s.rentIndexation() != null) {
                rent += ", " + indexation(s.rentIndexation());
            }
            rows.add(row("Hyra", rent));
        }
        rows.add(row("Städning", perYear(s.cleaningPerYear())));
        rows.add(row("Övriga kostnader", perYear(s.otherSharedPerYear()) + " (gemensamma lokaler)"));
        for (Scenario.PlannedCost c : s.sharedCosts()) {
            String by = c.payer() == null ? "" : ", betalas av " + service(c.payer());
            rows.add(row("", (c.name() != null ? c.name() : c.id()) + ": " + perYear(c.perYear()) + " ("
                    + pool(c.pool()).toLowerCase(java.util.Locale.ROOT) + by + ")"));
        }
        String employer = s.coordinator() == null ? null : s.coordinator().employer();
        String payer = s.premisesPayer() != null ? s.premisesPayer() : employer;
        if (payer != null) {
            rows.add(row("Lokalerna betalas av", service(payer)));
        }
        Scenario.PlannedCoordinator c = s.coordinator();
        if (c != null) {
            rows.add(row("Samordnare", "anställd av " + service(c.employer()) + ", " + percent(c.ftePercent())
                    + " av heltid"));
            rows.add(row("", "Månadslön " + SwedishFormat.amount(c.monthlySalary()) + " (vid start)"));
            rows.add(row("", "Personalomkostnader " + percent(c.onCostPercent()) + " av lönen"));
            rows.add(row("", "Kompetensutveckling " + perYear(c.competenceDevelopmentPerYear())));
            rows.add(row("", "IT-utrustning " + perYear(c.itPerYear())));
        }
        rows.add(row("Gemensamma aktiviteter", perYear(s.jointActivitiesPerYear())));
        rows.add(row("Fördelning", SwedishFormat.pool(Pool.COORDINATOR) + ": " + SwedishTerms.ruleKind(RuleKind.EQUAL)
                + " (enligt avtalet)"));
        rows.add(row("", SwedishFormat.pool(Pool.PREMISES) + ": " + rule(s.rules().get(Pool.PREMISES))));
        rows.add(row("", SwedishFormat.pool(Pool.JOINT) + ": " + rule(s.rules().get(Pool.JOINT))));
        if (s.frames().isEmpty()) {
            rows.add(row("Budgetramar", "inga angivna"));
        } else {
            rows.add(row("Budgetramar", null));
            for (LegalEntity e : s.entities()) {
                MonetaryAmount frame = s.frames().get(e.organisationNumber());
                if (frame != null) {
                    rows.add(row("", entity(e.organisationNumber()) + ": " + SwedishFormat.amount(frame) + " per år"));
                }
            }
        }
        return rows;
    }

    private static String[] row(String label, String value) {
        return new String[] {label, value};
    }

    /** A pool's rule in words; a pool with no rule given is shared equally. */
    String rule(PoolRule rule) {
        if (rule == null) {
            return SwedishTerms.ruleKind(RuleKind.EQUAL);
        }
        if (rule.rule() == RuleKind.PERCENT && !rule.percentages().isEmpty()) {
            List<String> parts = new ArrayList<>();
            rule.percentages().forEach((id, p) -> parts.add(serviceName(id) + " " + percent(p)));
            return SwedishTerms.ruleKind(RuleKind.PERCENT) + " (" + String.join(", ", parts) + ")";
        }
        return SwedishTerms.ruleKind(rule.rule());
    }

    /** The heading of a rule's table in the comparison; the plan's own rule says so. */
    String ruleHeading(RuleKind kind) {
        PoolRule own = s.rules().get(Pool.PREMISES);
        RuleKind planned = own == null ? RuleKind.EQUAL : own.rule();
        return "Lokaler fördelas " + SwedishTerms.ruleKind(kind).toLowerCase() + (kind == planned ? " (planens regel)" : "");
    }

    /** The heading of a service's table in the comparison. */
    String withoutHeading(String serviceId) {
        return "Utan " + service(serviceId);
    }

    /** The services the comparison does not leave out, and why; null when every service is compared. */
    String notLeftOut() {
        List<String> kept = new ArrayList<>();
        String employer = s.coordinator() == null ? null : s.coordinator().employer();
        for (Scenario.PlannedService p : s.services()) {
            if (!report.withoutEachService().containsKey(p.id())) {
                String why = p.id().equals(employer) ? "samordnarens arbetsgivare"
                        : p.id().equals(s.premisesPayer()) ? "betalar lokalerna" : "den enda verksamheten";
                kept.add(serviceName(p) + " (" + why + ")");
            }
        }
        return kept.isEmpty() ? null : "Ingår i alla beräkningar: " + String.join(", ", kept) + ".";
    }

    String refused() {
        return "Kan inte beräknas utan verksamheten:";
    }

    String violation(se.familycentre.allocation.Violation v) {
        return v.reason() + " (" + v.field() + ")";
    }

    /** A frame exceeded, in bold: who, which year, by how much. */
    String frameExceeded(ScenarioRun.FrameExceeded f) {
        return entity(f.organisationNumber()) + ", " + f.year() + ": Ramen överskrids med "
                + SwedishFormat.amount(f.by());
    }

    /** Under it: the cost against the frame, and the part year it is for. */
    String frameDetail(ScenarioRun.FrameExceeded f) {
        return "Kostnad " + SwedishFormat.amount(f.cost()) + " mot ramen " + SwedishFormat.amount(f.frame())
                + " per år; perioden " + SwedishFormat.period(f.period()) + ".";
    }

    String yearHeading(Period p) {
        return p.from().getYear() + " (" + SwedishFormat.period(p) + ")";
    }

    /** A quarter's name: {@code Kvartal 3 2027}, its dates under it in the table. */
    static String quarterName(Period p) {
        return "Kv " + ((p.from().getMonthValue() - 1) / 3 + 1) + " " + p.from().getYear();
    }

    /** A year's dates when it is not the whole calendar year, else null. */
    static String partYear(Period p) {
        boolean whole = p.from().getDayOfYear() == 1 && p.to().equals(p.from().withDayOfYear(p.from().lengthOfYear()));
        return whole ? null : SwedishFormat.period(p);
    }

    String entity(String organisationNumber) {
        String name = entityNames.get(organisationNumber);
        return name == null ? organisationNumber : name + " (" + organisationNumber + ")";
    }

    String entityName(String organisationNumber) {
        String name = entityNames.get(organisationNumber);
        return name == null ? organisationNumber : name;
    }

    private String serviceName(String id) {
        return s.services().stream().filter(p -> p.id().equals(id)).findFirst().map(Scenario.PlannedService::name)
                .orElse(id);
    }

    /** A service with its entity: {@code Öppen förskola (Kommunen)}. */
    String service(String id) {
        return s.services().stream().filter(p -> p.id().equals(id)).findFirst()
                .map(p -> serviceName(p) + " (" + entityName(p.entity()) + ")").orElse(id);
    }

    static String pool(Pool pool) {
        return SwedishFormat.pool(pool);
    }

    /** {@code 12 345,67 kr}. */
    static String amount(MonetaryAmount a) {
        return SwedishFormat.amount(a);
    }

    /** A difference with its sign: {@code +1 234,00 kr}, {@code −1 234,00 kr}, {@code 0,00 kr}. */
    static String difference(MonetaryAmount a) {
        return (a.signum() > 0 ? "+" : "") + SwedishFormat.amount(a);
    }

    /** {@code 3,0 %}: at least one decimal, as many as given. */
    static String percent(BigDecimal p) {
        BigDecimal v = p.stripTrailingZeros();
        return SwedishFormat.asGiven(v.setScale(Math.max(1, v.scale()))) + SwedishFormat.NBSP + "%";
    }

    static String area(BigDecimal m2) {
        return SwedishFormat.decimal(m2) + SwedishFormat.NBSP + "m²";
    }

    private static String perYear(MonetaryAmount a) {
        return (a == null ? SwedishFormat.amount(Sek.sek(BigDecimal.ZERO.setScale(2))) : SwedishFormat.amount(a))
                + " per år";
    }

    /** {@code 1 år}, {@code 10 år}: the same word either way. */
    private static String years(int n) {
        return n + " år";
    }

    private static final String[] MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli",
            "augusti", "september", "oktober", "november", "december"};

    static String monthDay(MonthDay d) {
        return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1];
    }

    private static String indexation(se.familycentre.allocation.Indexation i) {
        StringBuilder b = new StringBuilder("indexeras med ").append(i.series());
        if (i.baseYear() != null) {
            b.append(", basår ").append(i.baseYear());
        }
        if (i.share() != null && i.share().compareTo(se.familycentre.allocation.Indexation.FULL_SHARE) != 0) {
            b.append(", till ").append(percent(i.share()));
        }
        if (i.floor()) {
            b.append(", aldrig under basbeloppet");
        }
        return b.toString();
    }
}
