package se.familycentre.web.page;

import static se.familycentre.web.page.SimulatorFormHtml.escape;

import java.util.List;
import java.util.Map;

/**
 * The simulator's results ({@link ScenarioResults}) written as HTML: the frames exceeded, the
 * warnings, the chart and its figures as a table, a table per year and per quarter of the first year;
 * and apart, the rule and service comparisons, which the page loads after the plan's figures. Written here rather than by the template for the reason
 * {@link SimulatorFormHtml} gives: several hundred cells, each an OGNL expression, were a third of
 * the page's time. Every table has a caption and header cells with their scope; every text is
 * escaped here.
 */
final class ScenarioResultsHtml {

    private final StringBuilder out = new StringBuilder(32 * 1024);

    private ScenarioResultsHtml() {
    }

    /**
     * @param result    {@link ScenarioResults#of}
     * @param chartJson the chart's data, already safe inside a script element
     */
    @SuppressWarnings("unchecked")
    static String of(Map<String, Object> result, String chartJson) {
        ScenarioResultsHtml h = new ScenarioResultsHtml();
        List<String> pools = (List<String>) result.get("pools");
        h.list("frames-exceeded", "ramar", "Budgetramar som överskrids", null, (List<String>) result.get("frames"));
        h.list(null, "varningar", "Varningar", "warnings", (List<String>) result.get("warnings"));
        h.chart(pools, (List<Map<String, Object>>) result.get("chartRows"), chartJson);
        for (Map<String, Object> y : (List<Map<String, Object>>) result.get("years")) {
            h.period(y, pools, true);
        }
        h.out.append("<h3>Första årets kvartal</h3>");
        for (Map<String, Object> q : (List<Map<String, Object>>) result.get("quarters")) {
            h.period(q, pools, false);
        }
        return h.out.toString();
    }

    /** The comparisons ({@link ScenarioResults#comparisons}) in the element the page loads them into. */
    @SuppressWarnings("unchecked")
    static String comparisons(Map<String, Object> comparisons) {
        ScenarioResultsHtml h = new ScenarioResultsHtml();
        h.out.append("<div id=\"jamforelser\">");
        h.rules((Map<String, Object>) comparisons.get("ruleComparison"));
        h.services((List<Map<String, Object>>) comparisons.get("serviceComparison"));
        h.out.append("</div>");
        return h.out.toString();
    }

    /**
     * Where the comparisons come: htmx posts the form to {@code url} once the page has loaded and puts
     * the answer here; without script the button posts it, and the whole page comes back with them.
     */
    static String comparisonsToLoad(String url) {
        return "<div id=\"jamforelser\" hx-post=\"" + escape(url) + "\" hx-trigger=\"load\""
                + " hx-include=\"#simuleringsformular\" hx-swap=\"outerHTML\" aria-busy=\"true\">"
                + "<h3>Jämförelser</h3><p>Planen med varje lokalregel och utan varje verksamhet som kan lämnas utanför"
                + " beräknas och visas här.</p><p><button type=\"submit\" id=\"visa-jamforelser\""
                + " form=\"simuleringsformular\" formaction=\"" + escape(url) + "\">Visa jämförelserna</button></p></div>";
    }

    /** What the page shows in the comparisons' place when the form, changed since, cannot be computed. */
    static String comparisonsRefused() {
        return "<div id=\"jamforelser\"><h3>Jämförelser</h3><p>Jämförelserna kan inte beräknas med formuläret som"
                + " det står nu. Rätta det och beräkna igen.</p></div>";
    }

    private void list(String divClass, String id, String heading, String ulClass, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append("<div").append(divClass == null ? "" : " class=\"" + divClass + "\"").append(" id=\"").append(id)
                .append("\"><h3>").append(heading).append("</h3><ul").append(ulClass == null ? "" : " class=\"" + ulClass + "\"")
                .append('>');
        for (String item : items) {
            out.append("<li>").append(escape(item)).append("</li>");
        }
        out.append("</ul></div>");
    }

    @SuppressWarnings("unchecked")
    private void chart(List<String> pools, List<Map<String, Object>> rows, String chartJson) {
        out.append("<h3>Kostnad per part och år</h3><div class=\"chart\"><canvas id=\"simulering-diagram\" width=\"800\""
                + " height=\"360\" role=\"img\" aria-label=\"Stapeldiagram över varje parts årliga kostnad, staplad per"
                + " kostnadspool. Samma siffror finns i tabellen under diagrammet.\">Varje parts årliga kostnad per"
                + " kostnadspool; se tabellen under.</canvas></div>")
                .append("<script type=\"application/json\" id=\"simulering-diagramdata\">").append(chartJson)
                .append("</script>");
        out.append("<table id=\"diagramtabell\"><caption>Diagrammets siffror: varje parts kostnad per år och"
                + " kostnadspool</caption><thead><tr><th scope=\"col\">Part</th><th scope=\"col\">År</th>");
        pools.forEach(this::numHead);
        numHead("Totalt");
        out.append("</tr></thead><tbody>");
        for (Map<String, Object> r : rows) {
            out.append("<tr>");
            rowHead(r.get("name"));
            cell(r.get("year"));
            ((List<String>) r.get("pools")).forEach(a -> num(null, null, a));
            num(null, null, r.get("total"));
            out.append("</tr>");
        }
        out.append("</tbody></table>");
    }

    /** A year's or a quarter's table: each party's pools, total and flows, and for a year its frame. */
    @SuppressWarnings("unchecked")
    private void period(Map<String, Object> p, List<String> pools, boolean year) {
        String key = String.valueOf(p.get("key"));
        String caption = year ? "År " + p.get("label") : capitalised(String.valueOf(p.get("label")));
        out.append("<table class=\"").append(year ? "year" : "quarter").append("\" id=\"").append(year ? "ar-" : "kv-")
                .append(escape(key)).append("\"><caption>").append(escape(caption + " (" + p.get("range") + ")"))
                .append("</caption><thead><tr><th scope=\"col\">Part</th>");
        pools.forEach(this::numHead);
        numHead("Kostnad totalt");
        numHead("Betalar ut");
        numHead("Ersätts med");
        numHead("Ersätter andra med");
        if (year) {
            out.append("<th scope=\"col\">Budgetram</th>");
        }
        out.append("</tr></thead><tbody>");
        for (Map<String, Object> r : (List<Map<String, Object>>) p.get("rows")) {
            boolean over = Boolean.TRUE.equals(r.get("over"));
            String org = String.valueOf(r.get("org"));
            String suffix = key + "-" + org;
            out.append(over ? "<tr class=\"over-frame\">" : "<tr>");
            rowHead(r.get("name"));
            List<String> amounts = (List<String>) r.get("pools");
            List<String> poolKeys = (List<String>) r.get("poolKeys");
            for (int i = 0; i < amounts.size(); i++) {
                num(null, year ? "pool-" + suffix + "-" + poolKeys.get(i) : null, amounts.get(i));
            }
            num("num total", "total-" + suffix, r.get("total"));
            num(null, year ? "utbetalt-" + suffix : null, r.get("paidOut"));
            num(null, year ? "ersatts-" + suffix : null, r.get("reimbursed"));
            num(null, year ? "ersatter-" + suffix : null, r.get("reimburses"));
            if (year) {
                out.append("<td id=\"ram-").append(escape(suffix)).append("\">")
                        .append(over ? "<strong>" : "<span>").append(escape(String.valueOf(r.get("frame"))))
                        .append(over ? "</strong>" : "</span>").append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
    }

    @SuppressWarnings("unchecked")
    private void rules(Map<String, Object> comparison) {
        out.append("<h3 id=\"regeljamforelse\">Jämförelse av lokalregler</h3><p>Planen med varje regel för de"
                + " gemensamma lokalerna. Skillnaden är mot planens egen regel; plus betyder att parten betalar mer.</p>"
                + "<table id=\"regeltabell\"><caption>Varje parts kostnad per år med varje lokalregel, och skillnaden"
                + " mot planen</caption><thead><tr><th scope=\"col\">Part</th><th scope=\"col\">År</th>");
        for (Map<String, Object> h : (List<Map<String, Object>>) comparison.get("heads")) {
            String name = String.valueOf(h.get("name"));
            numHead(name);
            numHead("Skillnad, " + name.toLowerCase(java.util.Locale.ROOT));
        }
        out.append("</tr></thead><tbody>");
        for (Map<String, Object> r : (List<Map<String, Object>>) comparison.get("rows")) {
            out.append("<tr>");
            rowHead(r.get("name"));
            cell(r.get("year"));
            for (Map<String, String> c : (List<Map<String, String>>) r.get("cells")) {
                num(null, null, c.get("total"));
                num(null, null, c.get("difference"));
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        List<String> refused = (List<String>) comparison.get("refused");
        if (!refused.isEmpty()) {
            out.append("<ul>");
            refused.forEach(x -> out.append("<li>").append(escape(x)).append("</li>"));
            out.append("</ul>");
        }
    }

    @SuppressWarnings("unchecked")
    private void services(List<Map<String, Object>> comparisons) {
        out.append("<h3 id=\"tjanstjamforelse\">Jämförelse med och utan varje verksamhet</h3>");
        if (comparisons.isEmpty()) {
            out.append("<p>Ingen verksamhet kan lämnas utanför planen utan att planen ändras på annat sätt (den"
                    + " anställer samordnaren, betalar lokalerna eller en kostnad).</p>");
        }
        for (Map<String, Object> c : comparisons) {
            String service = String.valueOf(c.get("service"));
            List<String> refused = (List<String>) c.get("refused");
            if (!refused.isEmpty()) {
                out.append("<div><p>").append(escape("Utan " + service + " kan planen inte beräknas:")).append("</p><ul>");
                refused.forEach(x -> out.append("<li>").append(escape(x)).append("</li>"));
                out.append("</ul></div>");
                continue;
            }
            out.append("<table id=\"utan-").append(escape(String.valueOf(c.get("id")))).append("\"><caption>")
                    .append(escape("Utan " + service + ": varje parts kostnad och skillnaden mot planen"))
                    .append("</caption><thead><tr><th scope=\"col\">Part</th><th scope=\"col\">År</th>");
            numHead("Kostnad utan verksamheten");
            numHead("Skillnad mot planen");
            out.append("</tr></thead><tbody>");
            for (Map<String, Object> r : (List<Map<String, Object>>) c.get("rows")) {
                out.append("<tr>");
                rowHead(r.get("name"));
                cell(r.get("year"));
                num(null, null, r.get("total"));
                num(null, null, r.get("difference"));
                out.append("</tr>");
            }
            out.append("</tbody></table>");
        }
    }

    private void numHead(String text) {
        out.append("<th scope=\"col\" class=\"num\">").append(escape(text)).append("</th>");
    }

    private void rowHead(Object text) {
        out.append("<th scope=\"row\">").append(escape(String.valueOf(text))).append("</th>");
    }

    private void cell(Object text) {
        out.append("<td>").append(escape(String.valueOf(text))).append("</td>");
    }

    /** A number's cell: right-aligned by {@code num} (or the classes given), with an id where tests and links need one. */
    private void num(String classes, String id, Object text) {
        out.append("<td class=\"").append(classes == null ? "num" : classes).append('"');
        if (id != null) {
            out.append(" id=\"").append(escape(id)).append('"');
        }
        out.append('>').append(escape(String.valueOf(text))).append("</td>");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
