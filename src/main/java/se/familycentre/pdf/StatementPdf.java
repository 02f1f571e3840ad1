package se.familycentre.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.money.MonetaryAmount;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.LineOrigin;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.ServiceType;
import se.familycentre.statement.Party;
import se.familycentre.statement.Statement;
import se.familycentre.statement.StatementDocument;
import se.familycentre.statement.StatementLine;

/**
 * Prints a {@link StatementDocument} as an A4 PDF in Swedish: a fakturaunderlag,
 * a credit statement or an omföringsunderlag (RULES §5). Every amount is taken
 * from the statement as it stands (nothing is computed here but the check that
 * each printed sum is the sum of the amounts printed under it). DejaVu Sans is
 * embedded as a subset, so å, ä, ö and the minus sign print in every viewer;
 * only black text, grey rules and (on a draft) a grey UTKAST mark, so the page
 * reads in black and white.
 */
public final class StatementPdf {

    /** The author written into the document information. */
    public static final String AUTHOR = "Familjecentralens kostnadsfördelning";

    private static final String FONT_DIR = "/net/sf/jasperreports/fonts/dejavu/";
    private static volatile byte[] regularBytes;
    private static volatile byte[] boldBytes;

    private StatementPdf() {
    }

    /** Renders the document, created now (Europe/Stockholm). */
    public static byte[] render(StatementDocument doc) {
        return render(doc, List.of(), ZonedDateTime.now(ZoneId.of("Europe/Stockholm")));
    }

    /**
     * Renders the document.
     *
     * @param centreServices optional: every service of the centre, so a basis can name the
     *                       kind of members it is shared among (a statement itself knows only
     *                       its debtor's and its creditor's paying services); may be empty
     * @param created        the creation date written into the document information
     */
    public static byte[] render(StatementDocument doc, Collection<Statement.ServiceRef> centreServices,
                                ZonedDateTime created) {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(created, "created");
        check(doc);
        try (PDDocument pdf = new PDDocument()) {
            PDFont regular = PDType0Font.load(pdf, new ByteArrayInputStream(font("DejaVuSans.ttf")), true);
            PDFont bold = PDType0Font.load(pdf, new ByteArrayInputStream(font("DejaVuSans-Bold.ttf")), true);
            Renderer names = new Renderer(pdf, regular, bold, doc, centreServices == null ? List.of() : centreServices);
            names.render();
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(names.identification() + " – " + doc.statement().centre() + " – " + names.periodLabel());
            info.setAuthor(AUTHOR);
            info.setSubject(names.title() + " från " + partyName(doc.statement().creditor()) + " till "
                    + partyName(doc.statement().debtor()));
            info.setCreator(AUTHOR);
            info.setCreationDate(GregorianCalendar.from(created));
            info.setModificationDate(GregorianCalendar.from(created));
            pdf.getDocumentCatalog().setLanguage("sv-SE");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the statement as PDF", e);
        }
    }

    private static void check(StatementDocument doc) {
        Objects.requireNonNull(doc.statement(), "statement");
        Objects.requireNonNull(doc.kind(), "kind");
        switch (doc.kind()) {
            case DRAFT -> {
                if (doc.number() != null) {
                    throw new IllegalArgumentException("a draft has no number");
                }
            }
            case INVOICE -> {
                require(doc.number(), "an issued statement has a number");
                require(doc.issuedOn(), "an issued statement has a date of issue");
            }
            case CREDIT -> {
                require(doc.number(), "a credit statement has a number");
                require(doc.issuedOn(), "a credit statement has a date of issue");
                require(doc.creditsNumber(), "a credit statement names the number of the statement it credits");
                require(doc.creditsIssuedOn(), "a credit statement names the date of the statement it credits");
            }
            default -> throw new IllegalArgumentException("unknown kind " + doc.kind());
        }
    }

    private static void require(Object value, String message) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }

    private static byte[] font(String file) throws IOException {
        boolean isBold = file.contains("Bold");
        byte[] cached = isBold ? boldBytes : regularBytes;
        if (cached != null) {
            return cached;
        }
        try (InputStream in = StatementPdf.class.getResourceAsStream(FONT_DIR + file)) {
            if (in == null) {
                throw new IOException("font " + FONT_DIR + file + " is not on the classpath"
                        + " (net.sf.jasperreports:jasperreports-fonts)");
            }
            byte[] bytes = in.readAllBytes();
            if (isBold) {
                boldBytes = bytes;
            } else {
                regularBytes = bytes;
            }
            return bytes;
        }
    }

    private static String partyName(Party party) {
        return blank(party.name()) ? party.organisationNumber() : party.name();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Lays one document out, page by page. */
    private static final class Renderer {

        private static final PDRectangle A4 = PDRectangle.A4;
        private static final float LEFT = 56;
        private static final float RIGHT = A4.getWidth() - 56;
        private static final float TOP = A4.getHeight() - 50;
        private static final float BOTTOM = 72;
        private static final float FOOTER_RULE = 56;
        private static final float FOOTER_TEXT = 42;
        /** Right edge of the text column of the table; amounts stand right of it. */
        private static final float TEXT_RIGHT = 372;
        private static final float TOTAL_RIGHT = 458;
        private static final float SHARE_RIGHT = RIGHT;
        private static final float GREY_RULE = 0.55f;
        private static final float LIGHT_RULE = 0.78f;

        private final PDDocument pdf;
        private final PDFont regular;
        private final PDFont bold;
        private final StatementDocument doc;
        private final Statement st;
        private final Map<String, Statement.ServiceRef> services = new HashMap<>();
        private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
        private final List<PDPage> pages = new ArrayList<>();
        private final Map<String, String> lineNames = new HashMap<>();
        private PDPageContentStream out;
        private float y;
        private Pool openPool;

        Renderer(PDDocument pdf, PDFont regular, PDFont bold, StatementDocument doc,
                 Collection<Statement.ServiceRef> centreServices) {
            this.pdf = pdf;
            this.regular = regular;
            this.bold = bold;
            this.doc = doc;
            this.st = doc.statement();
            centreServices.forEach(s -> services.put(s.id(), s));
            st.creditorServices().forEach(s -> services.put(s.id(), s));
            st.debtorServices().forEach(s -> services.put(s.id(), s));
            nameLines();
        }

        // ---- words --------------------------------------------------------

        boolean credit() {
            return doc.kind() == StatementDocument.Kind.CREDIT;
        }

        boolean draft() {
            return doc.kind() == StatementDocument.Kind.DRAFT;
        }

        String title() {
            if (st.internal()) {
                return credit() ? "Omföringsunderlag – kreditering" : "Omföringsunderlag";
            }
            return credit() ? "Kreditfaktura – fakturaunderlag" : "Fakturaunderlag";
        }

        /** The short name of the document on every page: title and number, or UTKAST. */
        String identification() {
            if (draft()) {
                return title() + " – UTKAST";
            }
            return title() + " " + doc.number();
        }

        String periodLabel() {
            String quarter = SwedishFormat.quarter(st.period());
            return quarter != null ? quarter : SwedishFormat.period(st.period());
        }

        String totalLabel() {
            if (st.internal()) {
                return "Summa omföring";
            }
            return credit() ? "Att kreditera" : "Att betala";
        }

        String serviceName(String id) {
            Statement.ServiceRef ref = services.get(id);
            return ref == null || blank(ref.name()) ? id : ref.name();
        }

        String serviceWithType(Statement.ServiceRef ref) {
            String name = blank(ref.name()) ? ref.id() : ref.name();
            return name + " – " + SwedishFormat.serviceType(ref.type());
        }

        /** Swedish names for the lines; generated lines keep the suffix the engine gave them (the coordinator's or the service's name). */
        private void nameLines() {
            Map<String, List<String>> idsByName = new LinkedHashMap<>();
            for (StatementLine line : st.lines()) {
                if (lineNames.containsKey(line.lineId())) {
                    continue;
                }
                String name;
                String swedish = line.origin() == null ? null : SwedishFormat.origin(line.origin());
                if (swedish == null) {
                    name = blank(line.lineName()) ? line.lineId() : line.lineName();
                } else {
                    String given = line.lineName() == null ? "" : line.lineName();
                    int comma = given.indexOf(", ");
                    name = comma < 0 ? swedish : swedish + given.substring(comma);
                }
                lineNames.put(line.lineId(), name);
                idsByName.computeIfAbsent(name, k -> new ArrayList<>()).add(line.lineId());
            }
            idsByName.forEach((name, ids) -> {
                if (ids.size() > 1) {
                    for (String id : ids) {
                        int slash = id.indexOf('/');
                        lineNames.put(id, name + " (" + (slash > 0 ? id.substring(0, slash) : id) + ")");
                    }
                }
            });
        }

        // ---- the document -------------------------------------------------

        void render() throws IOException {
            Map<Pool, List<List<StatementLine>>> byPool = groups();
            verifySums(byPool);
            newPage(true);
            header();
            tableHeader();
            Pool lastPool = null;
            for (Pool pool : byPool.keySet()) {
                lastPool = pool;
            }
            for (Map.Entry<Pool, List<List<StatementLine>>> pool : byPool.entrySet()) {
                pool(pool.getKey(), pool.getValue(), pool.getKey() == lastPool);
            }
            openPool = null;
            total();
            footnotes();
            out.close();
            footers();
        }

        /** The lines per pool in the pools' order, each group one cost line (one row per debtor service). */
        private Map<Pool, List<List<StatementLine>>> groups() {
            Map<Pool, LinkedHashMap<String, List<StatementLine>>> byPool = new EnumMap<>(Pool.class);
            for (StatementLine line : st.lines()) {
                byPool.computeIfAbsent(line.pool(), p -> new LinkedHashMap<>())
                        .computeIfAbsent(line.lineId(), id -> new ArrayList<>()).add(line);
            }
            Map<Pool, List<List<StatementLine>>> groups = new EnumMap<>(Pool.class);
            byPool.forEach((pool, lines) -> groups.put(pool, new ArrayList<>(lines.values())));
            return groups;
        }

        /** Every printed sum is the sum of the amounts printed under it (RULES §4): refuse to print otherwise. */
        private void verifySums(Map<Pool, List<List<StatementLine>>> byPool) {
            BigDecimal total = BigDecimal.ZERO;
            for (Pool pool : Pool.values()) {
                BigDecimal sum = BigDecimal.ZERO;
                for (List<StatementLine> group : byPool.getOrDefault(pool, List.of())) {
                    for (StatementLine line : group) {
                        sum = sum.add(Sek.decimal(line.share()));
                    }
                }
                MonetaryAmount printed = st.sumsByPool().get(pool);
                BigDecimal stated = printed == null ? BigDecimal.ZERO : Sek.decimal(printed);
                if (stated.compareTo(sum) != 0) {
                    throw new IllegalStateException("the statement's sum for " + pool + " (" + stated
                            + ") is not the sum of its lines (" + sum + ")");
                }
                total = total.add(sum);
            }
            if (Sek.decimal(st.total()).compareTo(total) != 0) {
                throw new IllegalStateException("the statement's total (" + Sek.plain(st.total())
                        + ") is not the sum of its pools (" + total + ")");
            }
        }

        // ---- pages --------------------------------------------------------

        private void newPage(boolean first) throws IOException {
            newPage(first, true);
        }

        private void newPage(boolean first, boolean table) throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(A4);
            pdf.addPage(page);
            pages.add(page);
            out = new PDPageContentStream(pdf, page);
            if (draft()) {
                watermark();
            }
            y = TOP;
            if (!first) {
                text(bold, 9, LEFT, y - 9, identification());
                float room = RIGHT - LEFT - width(bold, 9, identification()) - 24;
                rightText(regular, 8.5f, RIGHT, y - 9, fit(regular, 8.5f, st.centre() + " · " + periodLabel(), room));
                y -= 16;
                rule(LEFT, RIGHT, y, 0.5f, GREY_RULE);
                y -= 14;
                if (!table) {
                    return;
                }
                tableHeader();
                if (openPool != null) {
                    y -= 4;
                    text(bold, 10, LEFT, y - 10, SwedishFormat.pool(openPool) + " (forts.)");
                    y -= 16;
                }
            }
        }

        private void ensure(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage(false);
            }
        }

        private void watermark() throws IOException {
            String word = "UTKAST";
            float size = 110;
            float w = width(bold, size, word);
            float h = size * 0.72f;
            double theta = Math.toRadians(52);
            float cx = A4.getWidth() / 2;
            float cy = A4.getHeight() / 2;
            float tx = (float) (cx - w / 2 * Math.cos(theta) + h / 2 * Math.sin(theta));
            float ty = (float) (cy - w / 2 * Math.sin(theta) - h / 2 * Math.cos(theta));
            out.saveGraphicsState();
            out.setNonStrokingColor(0.88f);
            out.beginText();
            out.setFont(bold, size);
            out.setTextMatrix(Matrix.getRotateInstance(theta, tx, ty));
            out.showText(word);
            out.endText();
            out.restoreGraphicsState();
        }

        private void footers() throws IOException {
            int n = pages.size();
            for (int i = 0; i < n; i++) {
                try (PDPageContentStream f = new PDPageContentStream(pdf, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    out = f;
                    rule(LEFT, RIGHT, FOOTER_RULE, 0.5f, GREY_RULE);
                    String left = identification() + " · " + partyName(st.creditor()) + " → " + partyName(st.debtor());
                    text(regular, 7.5f, LEFT, FOOTER_TEXT, fit(regular, 7.5f, left, RIGHT - LEFT - 80));
                    rightText(regular, 7.5f, RIGHT, FOOTER_TEXT, "Sida " + (i + 1) + " av " + n);
                }
            }
            out = null;
        }

        // ---- the first page's head ----------------------------------------

        private void header() throws IOException {
            float boxLeft = 352;
            float boxTop = y;
            float boxBottom = infoBox(boxLeft, boxTop);

            float subWidth = boxLeft - LEFT - 14;
            float titleSize = 19;
            while (titleSize > 13 && width(bold, titleSize, title()) > subWidth) {
                titleSize -= 0.5f;
            }
            float ty = y - 20;
            text(bold, titleSize, LEFT, ty, title());
            ty -= 18;
            for (String sub : subtitles()) {
                for (String l : wrap(regular, 9.5f, sub, subWidth)) {
                    text(regular, 9.5f, LEFT, ty, l);
                    ty -= 12.5f;
                }
            }
            y = Math.min(ty + 4, boxBottom) - 14;

            labelled("Familjecentral", st.centre(), true);
            String quarter = SwedishFormat.quarter(st.period());
            labelled("Period", SwedishFormat.period(st.period()) + (quarter == null ? "" : " (" + quarter + ")"), false);
            y -= 8;

            parties();
            y -= 4;

            text(bold, 9.5f, LEFT, y - 10, "Avser verksamheter");
            y -= 23;
            for (Statement.ServiceRef ref : st.debtorServices()) {
                for (String l : wrap(regular, 9, serviceWithType(ref), RIGHT - LEFT - 10)) {
                    text(regular, 9, LEFT + 10, y, l);
                    y -= 12;
                }
            }
            y -= 8;
        }

        private List<String> subtitles() {
            List<String> subs = new ArrayList<>();
            String noun = st.internal() ? "omföringsunderlag" : "fakturaunderlag";
            if (credit()) {
                subs.add("Krediterar " + noun + " " + doc.creditsNumber() + " av "
                        + SwedishFormat.date(doc.creditsIssuedOn()));
            }
            if (!doc.replaces().isEmpty()) {
                subs.add("Ersätter krediterat " + noun + " " + String.join(", ", doc.replaces()));
            }
            if (st.internal()) {
                subs.add("Intern omföring inom samma juridiska person.");
                subs.add("Underlaget faktureras inte.");
            }
            return subs;
        }

        /** The box at the top right: number, dates and terms; on a draft a large UTKAST instead. Returns its bottom. */
        private float infoBox(float x, float top) throws IOException {
            float width = RIGHT - x;
            if (draft()) {
                float height = 62;
                box(x, top - height, width, height, 1.2f, 0f);
                float w = width(bold, 24, "UTKAST");
                text(bold, 24, x + (width - w) / 2, top - 28, "UTKAST");
                centred(regular, 8, x, width, top - 42, "Ej utfärdat – inget nummer");
                centred(regular, 8, x, width, top - 53, "Får inte bokföras eller betalas");
                return top - height;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"Nummer", doc.number()});
            rows.add(new String[] {"Datum", SwedishFormat.date(doc.issuedOn())});
            if (doc.kind() == StatementDocument.Kind.INVOICE && !st.internal()) {
                rows.add(new String[] {"Förfallodag", SwedishFormat.date(doc.dueOn())});
                rows.add(new String[] {"Betalningsvillkor", SwedishFormat.paymentTerms(st.creditor().paymentTermsDays())});
            }
            float height = 10 + rows.size() * 14;
            box(x, top - height, width, height, 0.6f, GREY_RULE);
            float ry = top - 15;
            for (String[] row : rows) {
                text(regular, 8.5f, x + 8, ry, row[0]);
                text(bold, 9.5f, x + 86, ry, fit(bold, 9.5f, row[1], width - 92));
                ry -= 14;
            }
            return top - height;
        }

        private void labelled(String label, String value, boolean strong) throws IOException {
            text(regular, 8.5f, LEFT, y - 10, label);
            List<String> lines = wrap(strong ? bold : regular, 10, value, RIGHT - LEFT - 90);
            for (String l : lines) {
                text(strong ? bold : regular, 10, LEFT + 90, y - 10, l);
                y -= 13;
            }
        }

        private void parties() throws IOException {
            float colWidth = (RIGHT - LEFT - 24) / 2;
            float rightX = LEFT + colWidth + 24;
            float top = y;
            List<String[]> left = new ArrayList<>();
            List<String[]> right = new ArrayList<>();
            if (st.internal()) {
                partyLines(left, st.creditor());
                right.add(new String[] {"r", "Kostnaderna har betalats av"});
                for (Statement.ServiceRef ref : st.creditorServices()) {
                    right.add(new String[] {"r", serviceWithType(ref)});
                }
                float a = column(LEFT, top, colWidth, "Juridisk person", left);
                float b = column(rightX, top, colWidth, "Omföring mellan verksamheter", right);
                y = Math.min(a, b);
                return;
            }
            partyLines(left, st.creditor());
            if (!st.creditorServices().isEmpty()) {
                StringBuilder paid = new StringBuilder("Kostnaderna har betalats av ");
                for (int i = 0; i < st.creditorServices().size(); i++) {
                    paid.append(i == 0 ? "" : ", ").append(serviceWithType(st.creditorServices().get(i)));
                }
                left.add(new String[] {"s", paid.toString()});
            }
            partyLines(right, st.debtor());
            references(right);
            float a = column(LEFT, top, colWidth, "Fakturerande part", left);
            float b = column(rightX, top, colWidth, "Mottagare", right);
            y = Math.min(a, b);
        }

        private void partyLines(List<String[]> lines, Party party) {
            lines.add(new String[] {"b", partyName(party)});
            lines.add(new String[] {"r", "Org.nr " + party.organisationNumber()});
            if (!blank(party.invoiceAddress())) {
                for (String part : party.invoiceAddress().split("\\R")) {
                    if (!part.isBlank()) {
                        lines.add(new String[] {"r", part.trim()});
                    }
                }
            }
        }

        /** "Er referens": the debtor services' cost references, else the debtor's own reference. */
        private void references(List<String[]> lines) {
            List<Statement.ServiceRef> debtors = st.debtorServices();
            Set<String> distinct = new LinkedHashSet<>();
            boolean allHave = true;
            for (Statement.ServiceRef ref : debtors) {
                if (blank(ref.costReference())) {
                    allHave = false;
                } else {
                    distinct.add(ref.costReference().trim());
                }
            }
            String fallback = blank(st.debtor().reference()) ? null : st.debtor().reference().trim();
            if (distinct.isEmpty()) {
                if (fallback != null) {
                    lines.add(new String[] {"r", "Er referens: " + fallback});
                }
            } else if (distinct.size() == 1 && (allHave || fallback == null || distinct.contains(fallback))) {
                lines.add(new String[] {"r", "Er referens: " + distinct.iterator().next()});
            } else {
                lines.add(new String[] {"r", "Er referens:"});
                for (Statement.ServiceRef ref : debtors) {
                    String r = blank(ref.costReference()) ? fallback : ref.costReference().trim();
                    lines.add(new String[] {"i", serviceName(ref.id()) + ": " + (r == null ? "–" : r)});
                }
            }
        }

        /** One column of the party block; returns the y below it. */
        private float column(float x, float top, float width, String heading, List<String[]> lines) throws IOException {
            float cy = top - 9;
            text(bold, 8.5f, x, cy, heading);
            cy -= 4;
            rule(x, x + width, cy, 0.4f, GREY_RULE);
            cy -= 12;
            for (String[] line : lines) {
                PDFont f = line[0].equals("b") ? bold : regular;
                float size = line[0].equals("b") ? 10 : line[0].equals("s") ? 8 : 9;
                float indent = line[0].equals("i") ? 10 : 0;
                for (String l : wrap(f, size, line[1], width - indent)) {
                    text(f, size, x + indent, cy, l);
                    cy -= size + 3.5f;
                }
            }
            return cy;
        }

        // ---- the table ----------------------------------------------------

        private void tableHeader() throws IOException {
            float base = y - 9;
            text(bold, 8, LEFT, base, "Kostnadspost, verksamhet och fördelningsgrund");
            rightText(bold, 8, TOTAL_RIGHT, base, "Radens total");
            rightText(bold, 8, SHARE_RIGHT, base, "Andel");
            y = base - 5;
            rule(LEFT, RIGHT, y, 0.6f, 0f);
            y -= 6;
        }

        /**
         * One pool: heading, groups, sum. The heading never stands alone at the foot of a page,
         * and the last group of the last pool keeps its sum and the total company, so the total
         * never stands alone on a page.
         */
        private void pool(Pool pool, List<List<StatementLine>> groups, boolean lastPool) throws IOException {
            float tail = 24 + totalHeight();
            List<Row> first = groups.isEmpty() ? List.of() : rows(groups.get(0));
            boolean firstIsLast = lastPool && groups.size() <= 1;
            if (y - (23 + height(first) + (firstIsLast ? tail : 0)) < (firstIsLast ? FOOTER_RULE + 8 : BOTTOM)) {
                newPage(false);
            }
            y -= 6;
            text(bold, 10, LEFT, y - 10, SwedishFormat.pool(pool));
            y -= 17;
            openPool = pool;
            for (int g = 0; g < groups.size(); g++) {
                List<Row> rows = rows(groups.get(g));
                boolean last = lastPool && g == groups.size() - 1;
                float h = height(rows) + (last ? tail : 0);
                if (y - h < (last ? FOOTER_RULE + 8 : BOTTOM)) {
                    newPage(false);
                } else if (g > 0) {
                    rule(LEFT + 8, RIGHT, y + 1, 0.3f, LIGHT_RULE);
                }
                draw(rows);
                y -= 4;
            }
            ensure(22);
            rule(LEFT, RIGHT, y, 0.4f, GREY_RULE);
            y -= 12;
            text(bold, 9, LEFT, y, "Summa " + SwedishFormat.pool(pool));
            rightText(bold, 9, SHARE_RIGHT, y, SwedishFormat.amount(st.sumsByPool().get(pool)));
            y -= 12;
            openPool = null;
        }

        /** A printed row of the table: text in the text column, and optionally a line total and a share. */
        private record Row(float indent, PDFont font, float size, float leading, String text, String total,
                           String share) {
        }

        private List<Row> rows(List<StatementLine> group) throws IOException {
            List<Row> rows = new ArrayList<>();
            StatementLine head = group.get(0);
            List<String> name = wrap(regular, 9, lineNames.get(head.lineId()), TEXT_RIGHT - LEFT);
            for (int i = 0; i < name.size(); i++) {
                rows.add(new Row(0, regular, 9, 12, name.get(i), i == 0 ? SwedishFormat.amount(head.lineTotal()) : null,
                        null));
            }
            if (st.creditorServices().size() > 1) {
                addWrapped(rows, 10, 7.5f, 9.5f, "Betald av " + serviceName(head.payerService()), null);
            }
            for (StatementLine line : group) {
                Basis basis = basis(line);
                String label = serviceName(line.debtorService());
                String share = SwedishFormat.amount(line.share());
                if (basis.items().size() == 1 && basis.note() == null) {
                    addWrapped(rows, 10, 8, 10.5f, label + ": " + basis.items().get(0), share);
                } else {
                    addWrapped(rows, 10, 8, 10.5f, label + (basis.note() == null ? "" : " (" + basis.note() + ")") + ":",
                            share);
                    for (String item : basis.items()) {
                        addWrapped(rows, 22, 7.5f, 9.5f, item, null);
                    }
                }
            }
            return rows;
        }

        private void addWrapped(List<Row> rows, float indent, float size, float leading, String text, String share)
                throws IOException {
            List<String> lines = wrap(regular, size, text, TEXT_RIGHT - LEFT - indent);
            for (int i = 0; i < lines.size(); i++) {
                rows.add(new Row(i == 0 ? indent : indent + 10, regular, size, leading, lines.get(i), null,
                        i == 0 ? share : null));
            }
        }

        private static float height(List<Row> rows) {
            float h = 0;
            for (Row r : rows) {
                h += r.leading();
            }
            return h + 4;
        }

        private void draw(List<Row> rows) throws IOException {
            for (Row r : rows) {
                float base = y - r.size();
                text(r.font(), r.size(), LEFT + r.indent(), base, r.text());
                if (r.total() != null) {
                    rightText(regular, 9, TOTAL_RIGHT, base, r.total());
                }
                if (r.share() != null) {
                    rightText(regular, 9, SHARE_RIGHT, base, r.share());
                }
                y -= r.leading();
            }
        }

        // ---- the basis of a share -----------------------------------------

        private record Basis(String note, List<String> items) {
        }

        /** The basis of one share in Swedish: one item per segment, dated when there are several. */
        private Basis basis(StatementLine line) {
            List<Allocation.Segment> segments = line.basis() == null ? List.of() : line.basis();
            String svc = line.debtorService();
            int first = -1;
            int last = -1;
            for (int i = 0; i < segments.size(); i++) {
                if (weightOf(segments.get(i), svc) != null) {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
            }
            List<String> notes = new ArrayList<>();
            if (first > 0) {
                notes.add("deltar från " + SwedishFormat.date(segments.get(first).from()));
            }
            if (last >= 0 && last < segments.size() - 1) {
                notes.add("deltar till " + SwedishFormat.date(segments.get(last).to()));
            }
            List<String> items = new ArrayList<>();
            boolean dated = segments.size() > 1;
            for (Allocation.Segment s : segments) {
                String text = weightOf(s, svc) == null ? "deltar inte" : describe(s, svc, line.pool());
                boolean whole = s.from().equals(st.period().from()) && s.to().equals(st.period().to());
                if (dated || !whole) {
                    String when = s.from().equals(s.to()) ? SwedishFormat.date(s.from())
                            : SwedishFormat.range(s.from(), s.to());
                    text = when + " (" + SwedishFormat.days(s.days()) + "): " + text;
                }
                items.add(text);
            }
            if (items.isEmpty()) {
                items.add("–");
            }
            return new Basis(notes.isEmpty() ? null : String.join(", ", notes), items);
        }

        private static BigDecimal weightOf(Allocation.Segment segment, String service) {
            for (Allocation.Weight w : segment.weights()) {
                if (w.service().equals(service)) {
                    return w.weight();
                }
            }
            return null;
        }

        private String describe(Allocation.Segment s, String svc, Pool pool) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Allocation.Weight w : s.weights()) {
                sum = sum.add(w.weight());
            }
            BigDecimal mine = weightOf(s, svc);
            return switch (s.rule().name()) {
                case "EQUAL" -> {
                    int n = s.weights().size();
                    yield n == 1 ? "Hela kostnaden (enda deltagande verksamhet)"
                            : "Lika delning mellan " + n + (allBase(s, pool) ? " basverksamheter" : " verksamheter");
                }
                case "AREA" -> "Yta " + SwedishFormat.decimal1(mine) + " av " + SwedishFormat.decimal1(sum) + " m²";
                case "PERCENT" -> "Andel " + SwedishFormat.percent(mine) + " av " + SwedishFormat.percent(sum);
                case "BORNE" -> "Bärs helt av verksamheten";
                default -> s.rule() + " " + SwedishFormat.decimal(mine) + " av " + SwedishFormat.decimal(sum);
            };
        }

        /** Whether every member is known to be a base service (the coordinator pool never has another actor). */
        private boolean allBase(Allocation.Segment s, Pool pool) {
            if (pool == Pool.COORDINATOR) {
                return true;
            }
            for (Allocation.Weight w : s.weights()) {
                Statement.ServiceRef ref = services.get(w.service());
                if (ref == null || ServiceType.OTHER.name().equals(ref.type())) {
                    return false;
                }
            }
            return true;
        }

        // ---- the end ------------------------------------------------------

        private float totalHeight() throws IOException {
            return 44 + footnoteLines().size() * 10;
        }

        private void total() throws IOException {
            if (y - totalHeight() < FOOTER_RULE + 8) {
                newPage(false, false);
            }
            y -= 6;
            rule(LEFT, RIGHT, y, 1.0f, 0f);
            y -= 15;
            text(bold, 11, LEFT, y, totalLabel());
            rightText(bold, 11, SHARE_RIGHT, y, SwedishFormat.amount(st.total()));
            y -= 7;
            rule(LEFT, RIGHT, y, 1.0f, 0f);
            y -= 2;
            rule(LEFT, RIGHT, y, 1.0f, 0f);
            y -= 14;
        }

        private void footnotes() throws IOException {
            for (String l : footnoteLines()) {
                text(regular, 7.5f, LEFT, y, l);
                y -= 10;
            }
        }

        private List<String> footnoteLines() throws IOException {
            List<String> notes = new ArrayList<>();
            String basis = blank(doc.basis()) ? StatementDocument.AGREEMENT : doc.basis().trim();
            if (basis.endsWith(".")) {
                basis = basis.substring(0, basis.length() - 1);
            }
            notes.add("Fördelning enligt " + basis + ". Belopp i svenska kronor.");
            notes.add("Radens total avser hela perioden; andelarna summerar till radens total. "
                    + "Betalarens egen andel faktureras inte.");
            if (draft()) {
                notes.add("Utkast: underlaget är inte utfärdat och får inte bokföras eller betalas.");
            } else if (st.internal()) {
                notes.add("Omföringen avser kostnader mellan verksamheter inom samma juridiska person och faktureras inte.");
            } else if (credit()) {
                notes.add("Krediteringen upphäver fakturaunderlag " + doc.creditsNumber() + " av "
                        + SwedishFormat.date(doc.creditsIssuedOn()) + " i sin helhet.");
            } else {
                notes.add("Betalningsvillkor " + SwedishFormat.paymentTerms(st.creditor().paymentTermsDays())
                        + ". Ange nummer " + doc.number() + " vid betalning.");
            }
            List<String> lines = new ArrayList<>();
            for (String note : notes) {
                lines.addAll(wrap(regular, 7.5f, note, RIGHT - LEFT));
            }
            return lines;
        }

        // ---- drawing ------------------------------------------------------

        private void text(PDFont font, float size, float x, float baseline, String s) throws IOException {
            String safe = safe(font, s);
            if (safe.isEmpty()) {
                return;
            }
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, baseline);
            out.showText(safe);
            out.endText();
        }

        private void rightText(PDFont font, float size, float right, float baseline, String s) throws IOException {
            text(font, size, right - width(font, size, s), baseline, s);
        }

        private void centred(PDFont font, float size, float x, float width, float baseline, String s) throws IOException {
            text(font, size, x + (width - width(font, size, s)) / 2, baseline, s);
        }

        private void rule(float x1, float x2, float at, float lineWidth, float grey) throws IOException {
            out.saveGraphicsState();
            out.setStrokingColor(grey);
            out.setLineWidth(lineWidth);
            out.moveTo(x1, at);
            out.lineTo(x2, at);
            out.stroke();
            out.restoreGraphicsState();
        }

        private void box(float x, float yBottom, float w, float h, float lineWidth, float grey) throws IOException {
            out.saveGraphicsState();
            out.setStrokingColor(grey);
            out.setLineWidth(lineWidth);
            out.addRect(x, yBottom, w, h);
            out.stroke();
            out.restoreGraphicsState();
        }

        private float width(PDFont font, float size, String s) throws IOException {
            return font.getStringWidth(safe(font, s)) / 1000f * size;
        }

        /** The text with control characters as spaces and any character the font lacks as '?'. */
        private String safe(PDFont font, String s) {
            if (s == null) {
                return "";
            }
            Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
            StringBuilder b = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    b.append(' ');
                    return;
                }
                boolean ok = known.computeIfAbsent(cp, c -> {
                    try {
                        font.encode(new String(Character.toChars(c)));
                        return true;
                    } catch (IllegalArgumentException | IOException e) {
                        return false;
                    }
                });
                if (ok) {
                    b.appendCodePoint(cp);
                } else {
                    b.append('?');
                }
            });
            return b.toString();
        }

        /** Cuts the text to the width with an ellipsis. */
        private String fit(PDFont font, float size, String s, float maxWidth) throws IOException {
            if (width(font, size, s) <= maxWidth) {
                return s;
            }
            String t = s;
            while (!t.isEmpty() && width(font, size, t + "…") > maxWidth) {
                t = t.substring(0, t.length() - 1);
            }
            return t + "…";
        }

        /** Breaks the text into lines no wider than the width, at spaces, a too long word by characters. */
        private List<String> wrap(PDFont font, float size, String text, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            String clean = safe(font, text).replaceAll("[ \\t]+", " ").trim();
            if (clean.isEmpty()) {
                lines.add("");
                return lines;
            }
            StringBuilder line = new StringBuilder();
            for (String word : clean.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(font, size, candidate) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(font, size, rest) > maxWidth && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
