package se.familycentre.web.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.familycentre.web.page.CentreEditForms.Option;

/**
 * The simulator form's fields, written as HTML here rather than by a template fragment each. The
 * form has about a hundred fields; through Thymeleaf fragments each cost a dozen OGNL expressions,
 * and rendering them was most of the page's time (issue 12, item 8). The markup is the one every
 * other form of the application uses: a label, the hint and the message under it, and the input
 * pointing at both with {@code aria-describedby}; a field with a message is {@code invalid}.
 *
 * <p>{@link #blocks} gives the template one block of fields per part of the form, each ready to be
 * inserted unescaped; every value, label and message in them is escaped here.
 */
final class SimulatorFormHtml {

    /** The choices the form's selects offer. */
    record Choices(List<Option> types, List<Option> parties, List<Option> payers, List<Option> costPayers,
                   List<Option> roomTypes, List<Option> rules, List<Option> pools, List<Option> services) {
    }

    private final ScenarioForm form;
    private final Map<String, String> errors;
    private final StringBuilder out = new StringBuilder(256);

    private SimulatorFormHtml(ScenarioForm form, Map<String, String> errors) {
        this.form = form;
        this.errors = errors;
    }

    /**
     * The form's blocks: {@code plan}, {@code premises}, {@code coordinator}, {@code rules} and
     * {@code assumptions} as strings, and {@code parties}, {@code services}, {@code rooms} and
     * {@code costs} as a list of strings, one per row.
     *
     * @param errors each field's message by its id
     */
    static Map<String, Object> blocks(ScenarioForm form, Map<String, String> errors, Choices c) {
        SimulatorFormHtml h = new SimulatorFormHtml(form, errors);
        Map<String, Object> blocks = new LinkedHashMap<>();
        blocks.put("plan", h.grid(() -> {
            h.text("name", "Namn på planen", "text", null);
            h.text("start", "Startdatum", "date", "Dagen familjecentralen öppnar, ÅÅÅÅ-MM-DD.");
            h.text("horizonYears", "Horisont (år)", "decimal", "Hur många år som beräknas, 1–10.");
        }));
        List<String> parties = new ArrayList<>();
        for (int i = 0; i < form.parties(); i++) {
            String p = "party-" + i + "-";
            parties.add(h.grid(() -> {
                h.org(p + "org", "Organisationsnummer");
                h.text(p + "name", "Namn", "text", null);
                h.text(p + "frame", "Budgetram per år (kr)", "decimal", null);
            }));
        }
        blocks.put("parties", parties);
        List<String> services = new ArrayList<>();
        for (int i = 0; i < form.services(); i++) {
            String s = "service-" + i + "-";
            h.hidden(s + "id");
            h.check(s + "included", "Deltar");
            services.add(h.grid(() -> {
                h.select(s + "type", "Typ", c.types());
                h.text(s + "name", "Namn (valfritt)", "text", null);
                h.select(s + "party", "Part", c.parties());
                h.text(s + "from", "Deltar från (tomt = från start)", "date", null);
                h.text(s + "area", "Egen yta (m²)", "decimal", null);
                h.text(s + "premisesPercent", "Andel av lokalkostnaden (%) vid procentregel", "decimal", null);
                h.text(s + "jointPercent", "Andel av aktiviteterna (%) vid procentregel", "decimal", null);
            }, () -> h.check(s + "coLocated", "Samlokaliserad (i familjecentralens lokaler)")));
        }
        blocks.put("services", services);
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < form.rooms(); i++) {
            String r = "room-" + i + "-";
            h.hidden(r + "id");
            rooms.add(h.grid(() -> {
                h.select(r + "type", "Typ av rum", c.roomTypes());
                h.text(r + "name", "Namn", "text", null);
                h.text(r + "area", "Yta (m²)", "decimal", null);
            }));
        }
        blocks.put("rooms", rooms);
        blocks.put("premises", h.grid(() -> {
            h.text("rent", "Hyra per m² och år (kr)", "decimal", null);
            h.text("rentBaseYear", "Hyran indexeras med KPI från basår (valfritt)", "text", null);
            h.text("cleaning", "Städning per år (kr)", "decimal", null);
            h.text("other", "Övriga gemensamma lokalkostnader per år (kr)", "decimal", null);
            h.select("premisesPayer", "Vem betalar lokalerna", c.payers());
        }));
        h.check("coordinator", "Familjecentralen har en samordnare");
        blocks.put("coordinator", h.grid(() -> {
            h.select("coordinatorEmployer", "Arbetsgivare (verksamhet)", c.services());
            h.text("coordinatorFte", "Tjänstgöringsgrad (%)", "decimal", null);
            h.text("coordinatorSalary", "Månadslön (kr)", "decimal", null);
            h.text("coordinatorOnCost", "Personalomkostnader, PO-pålägg (%)", "decimal", null);
            h.text("coordinatorCompetence", "Kompetensutveckling per år (kr)", "decimal", null);
            h.text("coordinatorIt", "IT per år (kr)", "decimal", null);
        }));
        blocks.put("rules", h.grid(() -> {
            h.text("joint", "Gemensamma aktiviteter per år (kr)", "decimal", null);
            h.select("premisesRule", "Regel för gemensamma lokaler", c.rules());
            h.select("jointRule", "Regel för gemensamma aktiviteter", c.rules());
        }));
        List<String> costs = new ArrayList<>();
        for (int i = 0; i < form.costs(); i++) {
            String k = "cost-" + i + "-";
            h.hidden(k + "id");
            costs.add(h.grid(() -> {
                h.text(k + "name", "Namn", "text", null);
                h.select(k + "pool", "Kostnadspool", c.pools());
                h.select(k + "payer", "Betalas av", c.costPayers());
                h.text(k + "perYear", "Belopp per år (kr)", "decimal", null);
            }));
        }
        blocks.put("costs", costs);
        blocks.put("assumptions", h.grid(() -> {
            h.text("salaryIncreasePercent", "Löneökning per år (%)", "decimal", null);
            h.text("salaryRevision", "Lönerevision (MM-DD)", "text", null);
            h.text("indexChangePercent", "Antagen KPI-förändring per år (%)", "decimal", null);
        }));
        return blocks;
    }

    /** What was written before, then the fields in a grid, then what comes after; the whole taken out. */
    private String grid(Runnable fields, Runnable... after) {
        out.append("<div class=\"grid\">");
        fields.run();
        out.append("</div>");
        for (Runnable a : after) {
            a.run();
        }
        String block = out.toString();
        out.setLength(0);
        return block;
    }

    private void hidden(String id) {
        out.append("<input type=\"hidden\" name=\"").append(escape(id)).append("\" value=\"")
                .append(escape(form.get(id))).append("\">");
    }

    /** A text field; {@code decimal} is a text field that asks for a number keyboard. */
    private void text(String id, String label, String type, String hint) {
        String error = errors.get(id);
        open("field", error);
        out.append("<label for=\"").append(escape(id)).append("\">").append(escape(label)).append("</label>");
        if (hint != null) {
            out.append("<p class=\"hint\" id=\"").append(escape(id)).append("-tips\">").append(escape(hint)).append("</p>");
        }
        message(id, error);
        out.append("<input id=\"").append(escape(id)).append("\" name=\"").append(escape(id)).append("\" type=\"")
                .append(type.equals("decimal") ? "text" : type).append("\" value=\"").append(escape(form.get(id)))
                .append('"');
        if (type.equals("decimal")) {
            out.append(" inputmode=\"decimal\"");
        }
        String describedBy = error != null ? id + "-fel" + (hint != null ? " " + id + "-tips" : "")
                : hint != null ? id + "-tips" : null;
        aria(error, describedBy);
        out.append("></div>");
    }

    /** An organisationsnummer, offering the person's own entities. */
    private void org(String id, String label) {
        String error = errors.get(id);
        open("field", error);
        out.append("<label for=\"").append(escape(id)).append("\">").append(escape(label)).append("</label>");
        message(id, error);
        out.append("<input id=\"").append(escape(id)).append("\" name=\"").append(escape(id))
                .append("\" type=\"text\" list=\"egna-organisationer\" value=\"").append(escape(form.get(id))).append('"');
        aria(error, error != null ? id + "-fel" : null);
        out.append("></div>");
    }

    private void select(String id, String label, List<Option> options) {
        String error = errors.get(id);
        open("field", error);
        out.append("<label for=\"").append(escape(id)).append("\">").append(escape(label)).append("</label>");
        message(id, error);
        out.append("<select id=\"").append(escape(id)).append("\" name=\"").append(escape(id)).append('"');
        aria(error, error != null ? id + "-fel" : null);
        out.append('>');
        String chosen = form.get(id);
        for (Option o : options) {
            out.append("<option value=\"").append(escape(o.value())).append('"');
            if (o.value().equals(chosen)) {
                out.append(" selected=\"selected\"");
            }
            out.append('>').append(escape(o.label())).append("</option>");
        }
        out.append("</select></div>");
    }

    private void check(String id, String label) {
        String error = errors.get(id);
        open("field check", error);
        message(id, error);
        out.append("<input id=\"").append(escape(id)).append("\" name=\"").append(escape(id))
                .append("\" type=\"checkbox\" value=\"on\"");
        aria(error, error != null ? id + "-fel" : null);
        if (form.get(id).equals("on")) {
            out.append(" checked=\"checked\"");
        }
        out.append("><label for=\"").append(escape(id)).append("\">").append(escape(label)).append("</label></div>");
    }

    private void open(String classes, String error) {
        out.append("<div class=\"").append(classes).append(error != null ? " invalid" : "").append("\">");
    }

    private void message(String id, String error) {
        if (error != null) {
            out.append("<p class=\"field-error\" id=\"").append(escape(id)).append("-fel\">").append(escape(error))
                    .append("</p>");
        }
    }

    private void aria(String error, String describedBy) {
        out.append(" aria-invalid=\"").append(error != null).append('"');
        if (describedBy != null) {
            out.append(" aria-describedby=\"").append(escape(describedBy)).append('"');
        }
    }

    /** Text made safe for an element's content and a quoted attribute. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String r = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(ch);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
