package se.familycentre.pdf;

import se.familycentre.statement.SwedishFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.money.MonetaryAmount;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.RuleKind;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Violation;
import se.familycentre.scenario.Scenario;
import se.familycentre.scenario.ScenarioReport;
import se.familycentre.scenario.ScenarioRun;

/**
 * Prints a {@link ScenarioReport} as a Swedish A4 decision basis (beslutsunderlag) for a steering
 * group: the plan and its assumptions, each party's cost per year (by pool, paid out and
 * reimbursed), the first year's quarters, the budget frames exceeded, the engine's warnings, and
 * the plan compared under each premises rule and without each service. Every amount is the
 * report's own (nothing is computed here but sums over the horizon and the differences the report
 * defines, {@link ScenarioReport#difference}). The same pages, fonts and PDF/A-2b conformance as a
 * statement ({@link StatementPdf}); the words from {@link DecisionBasisWording}, the blocks laid out
 * by {@link BasisLayout}.
 */
final class DecisionBasisPdf {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    /** At most this many parties side by side in a table; more continue in a table of their own. */
    private static final int ENTITIES_PER_TABLE = 4;

    private final ScenarioReport report;
    private final ScenarioRun.Result plan;
    private final Scenario s;
    private final DecisionBasisWording words;
    private BasisLayout layout;

    private DecisionBasisPdf(ScenarioReport report, LocalDate printedOn) {
        this.report = report;
        this.plan = report.plan();
        this.s = plan.scenario();
        this.words = new DecisionBasisWording(report, printedOn);
    }

    /**
     * Renders the report, dated the day it is printed. The same report printed the same day gives
     * the same bytes: the creation date is that day's start and the file identifier comes from the
     * title and the day.
     */
    static byte[] render(ScenarioReport report, LocalDate printedOn) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(printedOn, "printedOn");
        DecisionBasisPdf doc = new DecisionBasisPdf(report, printedOn);
        try {
            try {
                return doc.write(printedOn, false);
            } catch (PageFont.Uncommon e) {
                return doc.write(printedOn, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the decision basis as PDF", e);
        }
    }

    private byte[] write(LocalDate printedOn, boolean subsets) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PdfFonts fonts = subsets ? PdfFonts.subsets(pdf) : PdfFonts.common(pdf);
            TextMetrics metrics = new TextMetrics();
            Pages pages = new Pages(pdf, new Canvas(metrics), metrics, fonts, words);
            layout = new BasisLayout(pages);
            pages.open(true);
            layOut();
            pages.close();
            pages.footers();
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(words.documentTitle());
            info.setAuthor(StatementPdf.AUTHOR);
            info.setSubject(words.documentSubject());
            info.setCreator(StatementPdf.AUTHOR);
            GregorianCalendar date = GregorianCalendar.from(printedOn.atStartOfDay(SWEDEN));
            info.setCreationDate(date);
            info.setModificationDate(date);
            pdf.getDocumentCatalog().setLanguage("sv-SE");
            PdfA.conform(pdf);
            COSArray id = new COSArray();
            byte[] fileId = fileId(words.documentTitle() + " " + printedOn);
            id.add(new COSString(fileId));
            id.add(new COSString(fileId));
            pdf.getDocument().getTrailer().setItem(COSName.ID, id);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] fileId(String identity) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void layOut() throws IOException {
        layout.title(DecisionBasisWording.TITLE, words.planName(), words.headRows());
        layout.section(DecisionBasisWording.ASSUMPTIONS);
        layout.labelled(words.assumptionRows());
        summary();
        years();
        quarters();
        frames();
        warnings();
        rules();
        services();
    }

    /** The parties in groups of at most four, a table each. */
    private List<List<LegalEntity>> entityGroups() {
        List<List<LegalEntity>> groups = new ArrayList<>();
        List<LegalEntity> all = s.entities();
        for (int i = 0; i < all.size(); i += ENTITIES_PER_TABLE) {
            groups.add(all.subList(i, Math.min(all.size(), i + ENTITIES_PER_TABLE)));
        }
        return groups;
    }

    private List<BasisLayout.Cell> entityHeader(String first, List<LegalEntity> entities) {
        List<BasisLayout.Cell> header = new ArrayList<>();
        header.add(BasisLayout.Cell.of(first));
        for (LegalEntity e : entities) {
            header.add(BasisLayout.Cell.of(e.name(), e.organisationNumber()));
        }
        return header;
    }

    private static ScenarioRun.EntityCost cost(ScenarioRun.PeriodResult p, String org) {
        return p.entities().stream().filter(e -> e.organisationNumber().equals(org)).findFirst().orElse(null);
    }

    private static MonetaryAmount zero() {
        return Sek.sek(BigDecimal.ZERO.setScale(2));
    }

    private static BasisLayout.Cell yearCell(ScenarioRun.PeriodResult y) {
        return BasisLayout.Cell.of(String.valueOf(y.period().from().getYear()), DecisionBasisWording.partYear(y.period()));
    }

    private boolean exceeded(String org, int year) {
        return plan.frames().stream().anyMatch(f -> f.organisationNumber().equals(org) && f.year() == year);
    }

    /** Each party's total per year and over the horizon; a year over the frame is bold and says so. */
    private void summary() throws IOException {
        layout.section(DecisionBasisWording.SUMMARY);
        for (List<LegalEntity> group : entityGroups()) {
            List<BasisLayout.Row> rows = new ArrayList<>();
            MonetaryAmount[] sums = new MonetaryAmount[group.size()];
            Arrays.fill(sums, zero());
            for (ScenarioRun.PeriodResult y : plan.years()) {
                List<BasisLayout.Cell> cells = new ArrayList<>();
                cells.add(yearCell(y));
                for (int i = 0; i < group.size(); i++) {
                    String org = group.get(i).organisationNumber();
                    ScenarioRun.EntityCost c = cost(y, org);
                    MonetaryAmount total = c == null ? zero() : c.total();
                    sums[i] = sums[i].add(total);
                    boolean over = exceeded(org, y.period().from().getYear());
                    BasisLayout.Cell cell = BasisLayout.Cell.of(DecisionBasisWording.amount(total),
                            over ? DecisionBasisWording.OVER_FRAME : null);
                    cells.add(over ? cell.bold() : cell);
                }
                rows.add(new BasisLayout.Row(cells, false, false));
            }
            List<BasisLayout.Cell> sum = new ArrayList<>();
            sum.add(BasisLayout.Cell.of(DecisionBasisWording.SUM + " " + s.horizonYears() + " år"));
            for (MonetaryAmount m : sums) {
                sum.add(BasisLayout.Cell.of(DecisionBasisWording.amount(m)));
            }
            rows.add(new BasisLayout.Row(sum, true, true));
            layout.table(new BasisLayout.Table(DecisionBasisWording.TOTAL + " per år",  110,
                    entityHeader(DecisionBasisWording.YEAR_HEADING, group), rows));
        }
    }

    /** A table per calendar year: each party's cost per pool, total, paid out and reimbursed. */
    private void years() throws IOException {
        layout.section(DecisionBasisWording.YEARS);
        layout.paragraph(DecisionBasisWording.YEARS_NOTE, 7.5f, false, 0);
        layout.gap(4);
        for (ScenarioRun.PeriodResult y : plan.years()) {
            for (List<LegalEntity> group : entityGroups()) {
                List<BasisLayout.Row> rows = new ArrayList<>();
                for (Pool pool : Pool.values()) {
                    rows.add(amountRow(DecisionBasisWording.pool(pool), group, y,
                            c -> c.byPool().getOrDefault(pool, zero()), false, false));
                }
                rows.add(amountRow(DecisionBasisWording.TOTAL, group, y, ScenarioRun.EntityCost::total, true, true));
                rows.add(amountRow(DecisionBasisWording.PAID_OUT, group, y, ScenarioRun.EntityCost::paidOut, false,
                        true));
                rows.add(amountRow(DecisionBasisWording.REIMBURSED, group, y, ScenarioRun.EntityCost::reimbursed,
                        false, false));
                rows.add(amountRow(DecisionBasisWording.REIMBURSES, group, y, ScenarioRun.EntityCost::reimburses,
                        false, false));
                layout.table(new BasisLayout.Table(words.yearHeading(y.period()), 124,
                        entityHeader("", group), rows));
            }
        }
    }

    private BasisLayout.Row amountRow(String label, List<LegalEntity> group, ScenarioRun.PeriodResult p,
                                      java.util.function.Function<ScenarioRun.EntityCost, MonetaryAmount> value,
                                      boolean strong, boolean ruleAbove) {
        List<BasisLayout.Cell> cells = new ArrayList<>();
        cells.add(BasisLayout.Cell.of(label));
        for (LegalEntity e : group) {
            ScenarioRun.EntityCost c = cost(p, e.organisationNumber());
            cells.add(BasisLayout.Cell.of(DecisionBasisWording.amount(c == null ? zero() : value.apply(c))));
        }
        return new BasisLayout.Row(cells, strong, ruleAbove);
    }

    /** Each party's total for each quarter of the first year. */
    private void quarters() throws IOException {
        if (plan.quarters().isEmpty()) {
            return;
        }
        layout.section(DecisionBasisWording.QUARTERS);
        layout.paragraph(DecisionBasisWording.QUARTERS_NOTE, 7.5f, false, 0);
        layout.gap(4);
        for (List<LegalEntity> group : entityGroups()) {
            List<BasisLayout.Row> rows = new ArrayList<>();
            for (ScenarioRun.PeriodResult q : plan.quarters()) {
                List<BasisLayout.Cell> cells = new ArrayList<>();
                cells.add(BasisLayout.Cell.of(DecisionBasisWording.quarterName(q.period()),
                        SwedishFormat.period(q.period())));
                for (LegalEntity e : group) {
                    ScenarioRun.EntityCost c = cost(q, e.organisationNumber());
                    cells.add(BasisLayout.Cell.of(DecisionBasisWording.amount(c == null ? zero() : c.total())));
                }
                rows.add(new BasisLayout.Row(cells, false, false));
            }
            layout.table(new BasisLayout.Table(DecisionBasisWording.TOTAL + " per kvartal "
                    + plan.years().get(0).period().from().getYear(), 110,
                    entityHeader(DecisionBasisWording.QUARTER_HEADING, group), rows));
        }
    }

    private void frames() throws IOException {
        layout.section(DecisionBasisWording.FRAMES);
        if (s.frames().isEmpty()) {
            layout.paragraph(DecisionBasisWording.NO_FRAMES, 9, false, 0);
            return;
        }
        if (plan.frames().isEmpty()) {
            layout.paragraph(DecisionBasisWording.NO_FRAME_EXCEEDED, 9, false, 0);
            return;
        }
        for (ScenarioRun.FrameExceeded f : plan.frames()) {
            layout.paragraph(words.frameExceeded(f), 9.5f, true, 0);
            layout.paragraph(words.frameDetail(f), 8.5f, false, 10);
            layout.gap(3);
        }
    }

    private void warnings() throws IOException {
        layout.section(DecisionBasisWording.WARNINGS);
        if (plan.warnings().isEmpty()) {
            layout.paragraph(DecisionBasisWording.NO_WARNINGS, 9, false, 0);
            return;
        }
        for (var w : plan.warnings()) {
            layout.paragraph(DecisionBasisWording.BULLET + w.message(), 9, false, 0);
            layout.gap(2);
        }
    }

    private void rules() throws IOException {
        if (report.premisesRules().isEmpty()) {
            return;
        }
        layout.section(DecisionBasisWording.RULES);
        layout.paragraph(DecisionBasisWording.RULES_NOTE, 8.5f, false, 0);
        layout.gap(4);
        for (Map.Entry<RuleKind, ScenarioRun.Outcome> e : report.premisesRules().entrySet()) {
            comparison(words.ruleHeading(e.getKey()), e.getValue());
        }
    }

    private void services() throws IOException {
        layout.section(DecisionBasisWording.SERVICES);
        layout.paragraph(DecisionBasisWording.SERVICES_NOTE, 8.5f, false, 0);
        String kept = words.notLeftOut();
        if (kept != null) {
            layout.paragraph(kept, 8.5f, false, 0);
        }
        layout.gap(4);
        for (Map.Entry<String, ScenarioRun.Outcome> e : report.withoutEachService().entrySet()) {
            comparison(words.withoutHeading(e.getKey()), e.getValue());
        }
    }

    /** A variant's totals per party and year, each with its difference from the plan; or why it was refused. */
    private void comparison(String heading, ScenarioRun.Outcome outcome) throws IOException {
        if (outcome instanceof ScenarioRun.Refused refused) {
            layout.paragraph(heading, 10, true, 0);
            layout.paragraph(words.refused(), 8.5f, false, 0);
            for (Violation v : refused.violations()) {
                layout.paragraph(DecisionBasisWording.BULLET + words.violation(v), 8.5f, false, 10);
            }
            layout.gap(8);
            return;
        }
        ScenarioRun.Result variant = (ScenarioRun.Result) outcome;
        Map<String, Map<Integer, MonetaryAmount>> totals = ScenarioRun.totals(variant);
        Map<String, Map<Integer, MonetaryAmount>> differences = ScenarioReport.difference(variant, plan);
        for (List<LegalEntity> group : entityGroups()) {
            List<BasisLayout.Row> rows = new ArrayList<>();
            MonetaryAmount[] sums = new MonetaryAmount[group.size()];
            MonetaryAmount[] diffs = new MonetaryAmount[group.size()];
            Arrays.fill(sums, zero());
            Arrays.fill(diffs, zero());
            for (ScenarioRun.PeriodResult y : plan.years()) {
                int year = y.period().from().getYear();
                List<BasisLayout.Cell> cells = new ArrayList<>();
                cells.add(yearCell(y));
                for (int i = 0; i < group.size(); i++) {
                    String org = group.get(i).organisationNumber();
                    MonetaryAmount total = totals.getOrDefault(org, Map.of()).getOrDefault(year, zero());
                    MonetaryAmount diff = differences.getOrDefault(org, Map.of()).getOrDefault(year, zero());
                    sums[i] = sums[i].add(total);
                    diffs[i] = diffs[i].add(diff);
                    cells.add(BasisLayout.Cell.of(DecisionBasisWording.amount(total),
                            DecisionBasisWording.difference(diff)));
                }
                rows.add(new BasisLayout.Row(cells, false, false));
            }
            List<BasisLayout.Cell> sum = new ArrayList<>();
            sum.add(BasisLayout.Cell.of(DecisionBasisWording.SUM + " " + s.horizonYears() + " år"));
            for (int i = 0; i < group.size(); i++) {
                sum.add(BasisLayout.Cell.of(DecisionBasisWording.amount(sums[i]),
                        DecisionBasisWording.difference(diffs[i])));
            }
            rows.add(new BasisLayout.Row(sum, true, true));
            layout.table(new BasisLayout.Table(heading, 110,
                    entityHeader(DecisionBasisWording.YEAR_HEADING, group), rows));
        }
    }
}
