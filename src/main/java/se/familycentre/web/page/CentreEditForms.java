package se.familycentre.web.page;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.RoomType;
import se.familycentre.allocation.RuleKind;
import se.familycentre.allocation.ServiceType;
import se.familycentre.statement.SwedishTerms;

/**
 * The edit forms of a centre as data (issue 12): each form is fieldsets of inputs whose ids are the
 * centre format's paths ({@code changes[1].amount} is the input {@code changes-1-amount}), so a
 * refusal's path names the input it concerns. Also the Swedish words of the forms and the Swedish
 * wording of the domain's common refusals.
 */
final class CentreEditForms {

    private CentreEditForms() {
    }

    /** One input: its id (also its name), label, kind (text, date, amount, percent, number, select, checkbox), hint and options. */
    record Input(String id, String label, String kind, String hint, List<Option> options) {
        Input(String id, String label, String kind) {
            this(id, label, kind, null, List.of());
        }

        Input hint(String text) {
            return new Input(id, label, kind, text, options);
        }

        /** The hint's element id, for aria-describedby. */
        public String hintId() {
            return hint == null ? null : id + "-tips";
        }
    }

    record Option(String value, String label) {
    }

    /** A fieldset: its legend, an optional hint and its inputs. */
    record Group(String legend, String hint, List<Input> inputs) {
    }

    static Input text(String id, String label) {
        return new Input(id, label, "text");
    }

    static Input date(String id, String label) {
        return new Input(id, label, "date").hint("ÅÅÅÅ-MM-DD");
    }

    static Input amount(String id, String label) {
        return new Input(id, label, "amount").hint("Kronor, till exempel 12 345,67");
    }

    static Input percent(String id, String label) {
        return new Input(id, label, "percent").hint("Procent, till exempel 40,15");
    }

    static Input select(String id, String label, List<Option> options) {
        return new Input(id, label, "select", null, options);
    }

    static Input checkbox(String id, String label) {
        return new Input(id, label, "checkbox");
    }

    // ---- the domain's values in Swedish -------------------------------------

    static List<Option> serviceTypes() {
        List<Option> list = new ArrayList<>();
        for (ServiceType t : ServiceType.values()) {
            list.add(new Option(t.name(), SwedishTerms.serviceType(t)));
        }
        return list;
    }

    static List<Option> pools(boolean withCoordinator) {
        List<Option> list = new ArrayList<>();
        for (Pool p : Pool.values()) {
            if (withCoordinator || p != Pool.COORDINATOR) {
                list.add(new Option(p.name(), SwedishTerms.pool(p)));
            }
        }
        return list;
    }

    static List<Option> periodicities() {
        return List.of(new Option("MONTH", "Per månad"), new Option("QUARTER", "Per kvartal"),
                new Option("YEAR", "Per år"), new Option("ONCE", "En gång (ett datum)"));
    }

    static List<Option> ruleKinds(boolean blank) {
        List<Option> list = new ArrayList<>();
        if (blank) {
            list.add(new Option("", "– ingen ny regel –"));
        }
        for (RuleKind k : RuleKind.values()) {
            list.add(new Option(k.name(), SwedishTerms.ruleKind(k)));
        }
        return list;
    }

    static String periodicity(String name) {
        return switch (name) {
            case "MONTH" -> "per månad";
            case "QUARTER" -> "per kvartal";
            case "YEAR" -> "per år";
            default -> "en gång";
        };
    }

    static List<Option> roomTypes() {
        List<Option> list = new ArrayList<>();
        for (RoomType t : RoomType.values()) {
            list.add(new Option(t.name(), SwedishTerms.roomType(t)));
        }
        return list;
    }

    // ---- paths and values ---------------------------------------------------

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** The input id of a format path: {@code changes[1].amount} → {@code changes-1-amount}. */
    static String inputId(String path) {
        return INDEX.matcher(path).replaceAll("-$1").replace('.', '-');
    }

    /** A form's values by input id, from the format's map of a part (nested maps and lists flattened). */
    static Map<String, String> flatten(Map<String, Object> map) {
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", map, values);
        return values;
    }

    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "-" + k, v, into));
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(prefix + "-" + i, l.get(i), into);
            }
        } else if (value != null) {
            into.put(prefix, shown(String.valueOf(value)));
        }
    }

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    /** A decimal as a Swedish input shows it: {@code 237575.0000} → {@code 237575}, {@code 40.15} → {@code 40,15}. */
    static String shown(String value) {
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            return value;
        }
        BigDecimal d = new BigDecimal(value).stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return d.toPlainString().replace('.', ',');
    }

    /** What a person typed as a number, as the format reads it: spaces, "kr" and "%" dropped, comma as point. */
    static String number(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.replaceAll("[\\s\\u00a0\\u202f]", "").replace('\u2212', '-');
        s = s.replaceAll("(?i)(kr|sek|%)$", "");
        if (s.matches("-?\\d+(,\\d+)?")) {
            s = s.replace(',', '.');
        }
        return s.isEmpty() ? null : s;
    }

    // ---- refusals in Swedish -------------------------------------------------

    private static final Pattern NEGATIVE = Pattern.compile("must not be negative, was (.*)");
    private static final Pattern BEFORE_FROM = Pattern.compile("is before (?:from|period.from) \\((.*)\\)");
    private static final Pattern AFTER_START = Pattern.compile("must be after the start (\\S+).*");
    private static final Pattern AFTER_PREVIOUS = Pattern.compile("must be after the previous (?:change's|rule's) date (\\S+)");
    private static final Pattern AFTER_END = Pattern.compile("falls after the end of the validity (\\S+)");
    private static final Pattern SUM = Pattern.compile("add up to (\\S+), not 100.*");
    private static final Pattern NO_SERVICE = Pattern.compile("no service of the centre has id (.*)");
    private static final Pattern LENGTH = Pattern.compile("is at most (\\d+) characters.*");

    /** The domain's reason in Swedish where it is a common one; otherwise the domain's own text. */
    static String swedish(String field, String reason) {
        if (reason == null) {
            return "Värdet godtas inte.";
        }
        Matcher m;
        if (reason.equals("is required") || reason.equals("are required")) {
            return "Fyll i " + what(field) + ".";
        }
        if ((m = NEGATIVE.matcher(reason)).matches()) {
            return "Får inte vara negativt (du angav " + m.group(1).replace('.', ',') + ").";
        }
        if (reason.startsWith("must be a decimal number")) {
            return "Ange ett tal med siffror, till exempel 12 345,67.";
        }
        if (reason.startsWith("must be a date")) {
            return "Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2025-04-01.";
        }
        if (reason.startsWith("must be a year")) {
            return "Ange ett år med fyra siffror, till exempel 2024.";
        }
        if (reason.startsWith("must be one of")) {
            return "Välj ett av alternativen.";
        }
        if ((m = BEFORE_FROM.matcher(reason)).matches()) {
            return "Slutdatumet ligger före startdatumet " + m.group(1) + ".";
        }
        if ((m = AFTER_START.matcher(reason)).matches()) {
            return "Datumet ligger utanför giltigheten: det måste vara efter startdatumet " + m.group(1)
                    + " (det första värdet gäller från start).";
        }
        if ((m = AFTER_PREVIOUS.matcher(reason)).matches()) {
            return "Datumet måste vara efter föregående ändrings datum " + m.group(1) + ".";
        }
        if ((m = AFTER_END.matcher(reason)).matches()) {
            return "Datumet ligger utanför giltigheten: efter slutdatumet " + m.group(1) + ".";
        }
        if ((m = SUM.matcher(reason)).matches()) {
            return "Procentsatserna blir tillsammans " + m.group(1).replace('.', ',') + " %, inte 100 %.";
        }
        if ((m = NO_SERVICE.matcher(reason)).matches()) {
            return "Familjecentralen har ingen verksamhet med id " + m.group(1) + ".";
        }
        if (reason.startsWith("no registered legal entity")) {
            return "Organisationen är inte registrerad. Välj en registrerad organisation.";
        }
        if (reason.startsWith("an FTE percentage")) {
            return "Tjänstgöringsgraden ska vara över 0 och högst 100 procent.";
        }
        if (reason.startsWith("has at most four decimals") || reason.contains("at most 4 decimals")) {
            return "Högst fyra decimaler.";
        }
        if ((m = LENGTH.matcher(reason)).matches()) {
            return "Högst " + m.group(1) + " tecken.";
        }
        if (reason.startsWith("contains the control character")) {
            return "Texten innehåller ett otillåtet tecken (till exempel tabb eller radbrytning).";
        }
        if (reason.startsWith("is taken by another")) {
            return "Id:t används redan i familjecentralen. Välj ett annat.";
        }
        if (reason.startsWith("a PERCENT rule needs")) {
            return "Regeln Procent behöver en procentsats per verksamhet.";
        }
        if (reason.startsWith("a ONCE line needs the date")) {
            return "En engångskostnad behöver ett datum.";
        }
        if (reason.startsWith("a ONCE line has a date")) {
            return "En engångskostnad har ett datum, inte från och till.";
        }
        if (reason.startsWith("only a ONCE line has a date")) {
            return "Bara en engångskostnad har ett datum; använd från och till.";
        }
        if (reason.startsWith("is required for every rule after the first")) {
            return "Ange från vilket datum regeln gäller.";
        }
        if (reason.startsWith("the first rule holds from the start")) {
            return "Den första regeln gäller från start och har inget datum.";
        }
        return reason;
    }

    private static String what(String field) {
        String last = field.contains("-") ? field.substring(field.lastIndexOf('-') + 1) : field;
        return switch (last) {
            case "name" -> "ett namn";
            case "amount", "monthlySalary" -> "ett belopp";
            case "from" -> "ett datum";
            case "date" -> "datumet";
            case "entity" -> "en organisation";
            case "type" -> "en typ";
            case "pool" -> "en kostnadspool";
            case "payer" -> "vem som betalar";
            case "periodicity" -> "hur ofta kostnaden kommer";
            case "employer" -> "arbetsgivaren";
            case "id" -> "ett id";
            case "area" -> "ytan";
            case "percent", "ftePercent", "onCostPercent" -> "en procentsats";
            default -> "fältet";
        };
    }
}
