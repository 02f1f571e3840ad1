package se.familycentre.web.page;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.RoomType;
import se.familycentre.allocation.RuleKind;
import se.familycentre.allocation.ServiceType;
import se.familycentre.scenario.Scenario;

/**
 * The simulator's form (issue 12): a planned centre as the fields of an HTML form, each named by its
 * input's id, and back. The form becomes the same JSON plan the API's {@code POST /api/v1/scenarios/compute}
 * reads, so the page computes through the same reader and domain code; the reader's field paths
 * ({@code services[2].dedicatedArea}) are mapped back to the inputs they came from
 * ({@code service-2-area}) for the messages next to them.
 *
 * <p>Rows (parties, services, shared rooms, further costs) are numbered from 0; a row left empty is not
 * part of the plan. A service names its party by the party's row, the coordinator's employer, the
 * premises payer and a cost's payer name a service by its row, so renaming an organisation or a
 * service id never breaks a reference.
 */
final class ScenarioForm {

    static final int MIN_PARTIES = 4;
    static final int MIN_SERVICES = 5;
    static final int MIN_ROOMS = 6;
    static final int MIN_COSTS = 2;

    private static final JsonFactory JSON = new JsonFactory();
    /** A row's field; a form has at most a hundred rows of a kind, so a typed row 10000 makes no page of them. */
    private static final Pattern ROW = Pattern.compile("^([a-z]+)-(\\d{1,2})-.*$");

    /** Field id → the value as entered (or as filled in). */
    final Map<String, String> values;

    ScenarioForm(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    String get(String id) {
        String v = values.get(id);
        return v == null ? "" : v;
    }

    boolean on(String id) {
        String v = values.get(id);
        return v != null && !v.isEmpty() && !v.equals("false");
    }

    /** Each kind's highest row number plus one, and the count of values it was taken from. */
    private Map<String, Integer> rowCounts = Map.of();
    private int rowCountsOf = -1;

    /**
     * Rows of a kind: the highest row number present plus one, at least {@code min}. The counts are
     * taken in one pass over the fields and kept until a field is added: the page asks for them at
     * every row it writes.
     */
    int rows(String kind, int min) {
        if (rowCountsOf != values.size()) {
            Map<String, Integer> counts = new HashMap<>();
            for (String key : values.keySet()) {
                Matcher m = ROW.matcher(key);
                if (m.matches()) {
                    counts.merge(m.group(1), Integer.parseInt(m.group(2)) + 1, Math::max);
                }
            }
            rowCounts = counts;
            rowCountsOf = values.size();
        }
        return Math.max(rowCounts.getOrDefault(kind, 0), min);
    }

    int parties() {
        return rows("party", MIN_PARTIES);
    }

    int services() {
        return rows("service", MIN_SERVICES);
    }

    int rooms() {
        return rows("room", MIN_ROOMS);
    }

    int costs() {
        return rows("cost", MIN_COSTS);
    }

    // ------------------------------------------------------------------ defaults

    /**
     * The default plan ({@link SimulatorDefaults}) as a new form: opening on the first of January next
     * year, with the person's own entities as its parties. The plan's first two entities are the
     * parties it names (a region's services on the first, a municipality's on the second); one own
     * entity takes the place of the party it is, or else of the second; two or more take both.
     */
    static ScenarioForm defaults(Map<String, Object> plan, List<LegalEntity> own, LocalDate today) {
        ScenarioForm form = of(plan);
        form.values.put("start", LocalDate.of(today.getYear() + 1, 1, 1).toString());
        if (form.get("horizonYears").isEmpty()) {
            form.values.put("horizonYears", "3");
        }
        if (form.get("name").isEmpty()) {
            form.values.put("name", "Ny familjecentral");
        }
        if (own != null && own.size() == 1) {
            boolean first = own.get(0).organisationNumber().equals(form.get("party-0-org").trim());
            party(form, first ? 0 : 1, own.get(0));
        } else if (own != null && own.size() > 1) {
            party(form, 0, own.get(0));
            party(form, 1, own.get(1));
        }
        return form;
    }

    private static void party(ScenarioForm form, int row, LegalEntity e) {
        form.values.put("party-" + row + "-org", e.organisationNumber());
        form.values.put("party-" + row + "-name", e.name() == null ? "" : e.name());
    }

    private static void service(Map<String, String> v, int i, String id, ServiceType type, int party, String area,
                                boolean included) {
        String p = "service-" + i + "-";
        v.put(p + "included", included ? "on" : "");
        v.put(p + "id", id);
        v.put(p + "type", type.name());
        v.put(p + "name", "");
        v.put(p + "party", String.valueOf(party));
        v.put(p + "from", "");
        v.put(p + "coLocated", "on");
        v.put(p + "area", area);
        v.put(p + "premisesPercent", "");
        v.put(p + "jointPercent", "");
    }

    private static void room(Map<String, String> v, int i, String id, String type, String name, String area) {
        String p = "room-" + i + "-";
        v.put(p + "id", id);
        v.put(p + "type", type);
        v.put(p + "name", name);
        v.put(p + "area", area);
    }

    private static void cost(Map<String, String> v, int i, String id, String name, String pool, String payer,
                             String perYear) {
        String p = "cost-" + i + "-";
        v.put(p + "id", id);
        v.put(p + "name", name);
        v.put(p + "pool", pool);
        v.put(p + "payer", payer);
        v.put(p + "perYear", perYear);
    }

    // ------------------------------------------------------------------ form → plan

    /**
     * The plan the form makes, the JSON of it, which row each of its list entries came from, and what
     * the form itself refuses before the reader sees it (a service on an empty party's row, a year that
     * is no number).
     */
    record Plan(Map<String, Object> tree, String json, List<Integer> entityRows, List<Integer> serviceRows,
                List<Integer> roomRows, List<Integer> costRows, List<Integer> frameRows,
                Map<String, Integer> serviceRowById, List<Map<String, String>> errors) {
    }

    Plan toPlan() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, String>> errors = new ArrayList<>();
        text(m, "name", get("name"));
        date(m, "start", "start", errors);
        decimal(m, "horizonYears", "horizonYears", errors);

        List<Object> entities = new ArrayList<>();
        List<Object> frames = new ArrayList<>();
        List<Integer> entityRows = new ArrayList<>();
        List<Integer> frameRows = new ArrayList<>();
        String[] partyOrg = new String[parties()];
        for (int i = 0; i < parties(); i++) {
            String org = get("party-" + i + "-org").trim();
            String name = get("party-" + i + "-name").trim();
            String frame = get("party-" + i + "-frame").trim();
            if (org.isEmpty() && name.isEmpty()) {
                if (!frame.isEmpty()) {
                    errors.add(Pages.error("party-" + i + "-org", "Fyll i organisationsnumret för parten som ramen gäller."));
                }
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("organisationNumber", org);
            text(e, "name", name);
            entities.add(e);
            entityRows.add(i);
            partyOrg[i] = org;
            if (!frame.isEmpty() && number(frame, "party-" + i + "-frame", errors)) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("organisationNumber", org);
                f.put("perYear", plain(frame));
                frames.add(f);
                frameRows.add(i);
            }
        }
        m.put("entities", entities);

        List<Object> services = new ArrayList<>();
        List<Integer> serviceRows = new ArrayList<>();
        Map<String, Integer> rowById = new LinkedHashMap<>();
        String[] serviceId = new String[services()];
        for (int i = 0; i < services(); i++) {
            String p = "service-" + i + "-";
            if (!on(p + "included")) {
                continue;
            }
            Map<String, Object> s = new LinkedHashMap<>();
            String id = get(p + "id").trim();
            if (id.isEmpty()) {
                id = "verksamhet-" + (i + 1);
            }
            s.put("id", id);
            text(s, "type", get(p + "type"));
            int party = index(get(p + "party"));
            if (party < 0 || party >= partyOrg.length || partyOrg[party] == null) {
                errors.add(Pages.error(p + "party", "Välj en part som är ifylld under Parter."));
                s.put("entity", "");
            } else {
                s.put("entity", partyOrg[party]);
            }
            text(s, "name", get(p + "name").trim());
            date(s, "from", p + "from", errors);
            s.put("coLocated", on(p + "coLocated"));
            decimal(s, "dedicatedArea", p + "area", errors);
            services.add(s);
            serviceRows.add(i);
            rowById.putIfAbsent(id, i);
            serviceId[i] = id;
        }
        m.put("services", services);

        List<Object> rooms = new ArrayList<>();
        List<Integer> roomRows = new ArrayList<>();
        for (int i = 0; i < rooms(); i++) {
            String p = "room-" + i + "-";
            if (get(p + "area").isBlank() && get(p + "name").isBlank()) {
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            String id = get(p + "id").trim();
            r.put("id", id.isEmpty() ? "rum-" + (i + 1) : id);
            text(r, "type", get(p + "type"));
            text(r, "name", get(p + "name").trim());
            decimal(r, "area", p + "area", errors);
            rooms.add(r);
            roomRows.add(i);
        }
        if (!rooms.isEmpty()) {
            m.put("sharedRooms", rooms);
        }

        decimal(m, "rentPerSquareMetreYear", "rent", errors);
        String base = get("rentBaseYear").trim();
        if (!base.isEmpty() || !get("rentIndexSeries").isBlank()) {
            Map<String, Object> ix = new LinkedHashMap<>();
            text(ix, "series", get("rentIndexSeries").trim());
            if (base.matches("\\d{4}")) {
                ix.put("baseYear", new BigDecimal(base));
            } else {
                errors.add(Pages.error("rentBaseYear", "Ange basåret med fyra siffror, till exempel 2026, eller lämna fältet tomt."));
            }
            decimal(ix, "share", "rentIndexShare", errors);
            if (!get("rentIndexFloor").isBlank()) {
                ix.put("floor", Boolean.parseBoolean(get("rentIndexFloor")));
            }
            m.put("rentIndexation", ix);
        }
        decimal(m, "cleaningPerYear", "cleaning", errors);
        decimal(m, "otherSharedPerYear", "other", errors);
        String payer = serviceRef(get("premisesPayer"), serviceId, "premisesPayer", errors);
        text(m, "premisesPayer", payer);
        if (on("coordinator")) {
            Map<String, Object> c = new LinkedHashMap<>();
            String employer = serviceRef(get("coordinatorEmployer"), serviceId, "coordinatorEmployer", errors);
            if (employer == null && get("coordinatorEmployer").isBlank()) {
                errors.add(Pages.error("coordinatorEmployer", "Välj vilken verksamhet som anställer samordnaren."));
            }
            c.put("employer", employer == null ? "" : employer);
            decimal(c, "ftePercent", "coordinatorFte", errors);
            decimal(c, "monthlySalary", "coordinatorSalary", errors);
            decimal(c, "onCostPercent", "coordinatorOnCost", errors);
            decimal(c, "competenceDevelopmentPerYear", "coordinatorCompetence", errors);
            decimal(c, "itPerYear", "coordinatorIt", errors);
            m.put("coordinator", c);
        }
        decimal(m, "jointActivitiesPerYear", "joint", errors);

        Map<String, Object> rules = new LinkedHashMap<>();
        rule(rules, Pool.PREMISES, get("premisesRule"), "premisesPercent", serviceRows, serviceId, true, errors);
        rule(rules, Pool.JOINT, get("jointRule"), "jointPercent", serviceRows, serviceId, false, errors);
        if (!rules.isEmpty()) {
            m.put("rules", rules);
        }

        Map<String, Object> assumptions = new LinkedHashMap<>();
        decimal(assumptions, "salaryIncreasePercent", "salaryIncreasePercent", errors);
        text(assumptions, "salaryRevision", get("salaryRevision").trim());
        decimal(assumptions, "indexChangePercent", "indexChangePercent", errors);
        if (!assumptions.isEmpty()) {
            m.put("assumptions", assumptions);
        }
        if (!frames.isEmpty()) {
            m.put("frames", frames);
        }

        List<Object> costs = new ArrayList<>();
        List<Integer> costRows = new ArrayList<>();
        for (int i = 0; i < costs(); i++) {
            String p = "cost-" + i + "-";
            if (get(p + "name").isBlank() && get(p + "perYear").isBlank()) {
                continue;
            }
            Map<String, Object> c = new LinkedHashMap<>();
            String id = get(p + "id").trim();
            c.put("id", id.isEmpty() ? "kostnad-" + (i + 1) : id);
            text(c, "name", get(p + "name").trim());
            text(c, "pool", get(p + "pool"));
            text(c, "payer", serviceRef(get(p + "payer"), serviceId, p + "payer", errors));
            decimal(c, "perYear", p + "perYear", errors);
            if (!c.containsKey("perYear")) {
                c.put("perYear", "");
            }
            costs.add(c);
            costRows.add(i);
        }
        if (!costs.isEmpty()) {
            m.put("sharedCosts", costs);
        }
        return new Plan(m, write(m), entityRows, serviceRows, roomRows, costRows, frameRows, rowById, errors);
    }

    private void rule(Map<String, Object> rules, Pool pool, String kind, String percentField, List<Integer> serviceRows,
                      String[] serviceId, boolean always, List<Map<String, String>> errors) {
        if (kind == null || kind.isBlank() || !always && kind.equals(RuleKind.EQUAL.name())) {
            return;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rule", kind);
        if (kind.equals(RuleKind.PERCENT.name())) {
            Map<String, Object> percentages = new LinkedHashMap<>();
            for (int row : serviceRows) {
                String p = get("service-" + row + "-" + percentField).trim();
                if (!p.isEmpty() && number(p, "service-" + row + "-" + percentField, errors)) {
                    percentages.put(serviceId[row], plain(p));
                }
            }
            r.put("percentages", percentages);
        }
        rules.put(pool.name(), List.of(r));
    }

    /** A service's id by its row, or null for none; a row not in the plan is refused. */
    private static String serviceRef(String row, String[] serviceId, String field, List<Map<String, String>> errors) {
        if (row == null || row.isBlank()) {
            return null;
        }
        int i = index(row);
        if (i < 0 || i >= serviceId.length || serviceId[i] == null) {
            errors.add(Pages.error(field, "Välj en verksamhet som deltar i planen."));
            return null;
        }
        return serviceId[i];
    }

    private static int index(String row) {
        try {
            return Integer.parseInt(row.trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void text(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    /**
     * A number the person wrote at the input, or a message there. A number the reader cannot read would stop
     * it before it checks the other values, so a stand-in (1) takes its place: whatever the reader says of
     * the stand-in concerns the same input, which has its message already, and the others are checked too.
     */
    private void decimal(Map<String, Object> m, String key, String id, List<Map<String, String>> errors) {
        String value = get(id);
        if (value.isBlank()) {
            return;
        }
        m.put(key, number(value, id, errors) ? plain(value) : "1");
    }

    private static boolean number(String value, String id, List<Map<String, String>> errors) {
        if (plain(value).matches("[+-]?\\d+(\\.\\d+)?")) {
            return true;
        }
        errors.add(Pages.error(id, "Ange ett tal, till exempel 1 850 eller 41,5."));
        return false;
    }

    private void date(Map<String, Object> m, String key, String id, List<Map<String, String>> errors) {
        String value = get(id).trim();
        if (value.isEmpty()) {
            return;
        }
        try {
            m.put(key, LocalDate.parse(value).toString());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(Pages.error(id, "Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2027-01-01."));
            if (key.equals("start")) {
                // a stand-in, so that the reader goes on to check the other values
                m.put(key, "2025-01-01");
            }
        }
    }

    /** A number as a person writes it ({@code 1 850,50}) as the reader takes it ({@code 1850.50}). */
    static String plain(String value) {
        return value.trim().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-").replace(',', '.');
    }

    /** A plain decimal as the form shows it: a decimal comma, no grouping. */
    static String number(String plain) {
        return plain == null ? "" : plain.replace('.', ',');
    }

    static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof Number n) {
            g.writeNumber(n.toString());
        } else {
            g.writeString(String.valueOf(value));
        }
    }

    // ------------------------------------------------------------------ plan → form

    /** A saved plan's JSON tree in the form's fields. */
    @SuppressWarnings("unchecked")
    static ScenarioForm of(Map<String, Object> plan) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", str(plan.get("name")));
        v.put("start", str(plan.get("start")));
        v.put("horizonYears", num(plan.get("horizonYears")));
        List<Map<String, Object>> entities = list(plan.get("entities"));
        Map<String, Integer> partyRow = new LinkedHashMap<>();
        Map<String, String> frames = new LinkedHashMap<>();
        for (Map<String, Object> f : list(plan.get("frames"))) {
            frames.put(str(f.get("organisationNumber")), num(f.get("perYear")));
        }
        int parties = Math.max(MIN_PARTIES, entities.size() + 1);
        for (int i = 0; i < parties; i++) {
            Map<String, Object> e = i < entities.size() ? entities.get(i) : Map.of();
            String org = str(e.get("organisationNumber"));
            v.put("party-" + i + "-org", org);
            v.put("party-" + i + "-name", str(e.get("name")));
            v.put("party-" + i + "-frame", frames.getOrDefault(org, ""));
            if (!org.isEmpty()) {
                partyRow.putIfAbsent(org, i);
            }
        }
        List<Map<String, Object>> services = list(plan.get("services"));
        Map<String, Integer> serviceRow = new LinkedHashMap<>();
        Map<String, Object> rules = plan.get("rules") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of();
        Map<String, Object> premises = firstRule(rules.get(Pool.PREMISES.name()));
        Map<String, Object> joint = firstRule(rules.get(Pool.JOINT.name()));
        Map<String, Object> premisesPercent = premises.get("percentages") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        Map<String, Object> jointPercent = joint.get("percentages") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        int rows = Math.max(MIN_SERVICES, services.size() + 1);
        for (int i = 0; i < rows; i++) {
            if (i >= services.size()) {
                service(v, i, i == services.size() && serviceRow.containsKey("ovrig") ? "ovrig-" + (i + 1)
                        : i == services.size() ? "ovrig" : "verksamhet-" + (i + 1), ServiceType.OTHER, 0, "", false);
                continue;
            }
            Map<String, Object> s = services.get(i);
            String p = "service-" + i + "-";
            String id = str(s.get("id"));
            v.put(p + "included", "on");
            v.put(p + "id", id);
            v.put(p + "type", str(s.get("type")));
            v.put(p + "name", str(s.get("name")));
            Integer party = partyRow.get(str(s.get("entity")));
            v.put(p + "party", party == null ? "" : String.valueOf(party));
            v.put(p + "from", str(s.get("from")));
            v.put(p + "coLocated", Boolean.FALSE.equals(s.get("coLocated")) ? "" : "on");
            v.put(p + "area", num(s.get("dedicatedArea")));
            v.put(p + "premisesPercent", num(premisesPercent.get(id)));
            v.put(p + "jointPercent", num(jointPercent.get(id)));
            serviceRow.putIfAbsent(id, i);
        }
        List<Map<String, Object>> rooms = list(plan.get("sharedRooms"));
        if (rooms.isEmpty()) {
            for (Scenario.PlannedRoom room : Scenario.TYPICAL_ROOMS) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", room.id());
                m.put("type", room.type().name());
                m.put("name", room.name());
                m.put("area", room.area());
                rooms.add(m);
            }
        }
        int roomRows = Math.max(MIN_ROOMS, rooms.size() + 2);
        for (int i = 0; i < roomRows; i++) {
            if (i < rooms.size()) {
                Map<String, Object> r = rooms.get(i);
                room(v, i, str(r.get("id")), r.get("type") == null ? RoomType.OTHER.name() : str(r.get("type")),
                        str(r.get("name")), num(r.get("area")));
            } else {
                room(v, i, "", RoomType.OTHER.name(), "", "");
            }
        }
        v.put("rent", num(plan.get("rentPerSquareMetreYear")));
        Map<String, Object> ix = plan.get("rentIndexation") instanceof Map<?, ?> x ? (Map<String, Object>) x : Map.of();
        v.put("rentBaseYear", num(ix.get("baseYear")));
        v.put("rentIndexSeries", str(ix.get("series")));
        v.put("rentIndexShare", num(ix.get("share")));
        v.put("rentIndexFloor", ix.get("floor") == null ? "" : String.valueOf(ix.get("floor")));
        v.put("cleaning", num(plan.get("cleaningPerYear")));
        v.put("other", num(plan.get("otherSharedPerYear")));
        v.put("premisesPayer", rowOf(serviceRow, plan.get("premisesPayer")));
        Map<String, Object> c = plan.get("coordinator") instanceof Map<?, ?> x ? (Map<String, Object>) x : null;
        v.put("coordinator", c == null ? "" : "on");
        c = c == null ? Map.of() : c;
        v.put("coordinatorEmployer", rowOf(serviceRow, c.get("employer")));
        v.put("coordinatorFte", num(c.get("ftePercent")));
        v.put("coordinatorSalary", num(c.get("monthlySalary")));
        v.put("coordinatorOnCost", num(c.get("onCostPercent")));
        v.put("coordinatorCompetence", num(c.get("competenceDevelopmentPerYear")));
        v.put("coordinatorIt", num(c.get("itPerYear")));
        v.put("joint", num(plan.get("jointActivitiesPerYear")));
        v.put("premisesRule", premises.get("rule") == null ? RuleKind.EQUAL.name() : str(premises.get("rule")));
        v.put("jointRule", joint.get("rule") == null ? RuleKind.EQUAL.name() : str(joint.get("rule")));
        Map<String, Object> a = plan.get("assumptions") instanceof Map<?, ?> x ? (Map<String, Object>) x : Map.of();
        v.put("salaryIncreasePercent", num(a.get("salaryIncreasePercent")));
        v.put("salaryRevision", a.get("salaryRevision") == null ? "04-01" : str(a.get("salaryRevision")));
        v.put("indexChangePercent", num(a.get("indexChangePercent")));
        List<Map<String, Object>> costs = list(plan.get("sharedCosts"));
        int costRows = Math.max(MIN_COSTS, costs.size() + 1);
        for (int i = 0; i < costRows; i++) {
            if (i < costs.size()) {
                Map<String, Object> k = costs.get(i);
                cost(v, i, str(k.get("id")), str(k.get("name")), str(k.get("pool")), rowOf(serviceRow, k.get("payer")),
                        num(k.get("perYear")));
            } else {
                cost(v, i, "", "", Pool.PREMISES.name(), "", "");
            }
        }
        return new ScenarioForm(v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstRule(Object rules) {
        if (rules instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        return Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    private static String rowOf(Map<String, Integer> rows, Object id) {
        Integer row = id == null ? null : rows.get(String.valueOf(id));
        return row == null ? "" : String.valueOf(row);
    }

    private static String str(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String num(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
        return number(s);
    }

    // ------------------------------------------------------------------ reader paths → inputs

    private static final Pattern INDEXED = Pattern.compile("^(entities|services|sharedRooms|sharedCosts|frames|rooms|costLines|coordinators)\\[(\\d+)](?:\\.(\\w+))?.*$");
    private static final Pattern RULE = Pattern.compile("^rules\\.(PREMISES|JOINT|COORDINATOR)(?:\\[\\d+])?(?:\\.percentages(?:\\.([^.\\[]+))?)?.*$");

    /** The input a reader's, saver's or engine's field path concerns; {@code planen} for the plan as a whole. */
    static String fieldOf(String path, Plan plan) {
        String p = path.startsWith("plan.") ? path.substring(5) : path;
        Matcher m = INDEXED.matcher(p);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(2));
            String leaf = m.group(3) == null ? "" : m.group(3);
            switch (m.group(1)) {
                case "entities":
                    return "party-" + row(plan.entityRows(), i) + (leaf.equals("name") ? "-name" : "-org");
                case "frames":
                    return "party-" + row(plan.frameRows(), i) + (leaf.equals("organisationNumber") ? "-org" : "-frame");
                case "services":
                    return "service-" + row(plan.serviceRows(), i) + "-" + switch (leaf) {
                        case "type" -> "type";
                        case "entity" -> "party";
                        case "name" -> "name";
                        case "from", "to" -> "from";
                        case "coLocated" -> "coLocated";
                        case "dedicatedArea" -> "area";
                        default -> "included";
                    };
                case "sharedRooms":
                    return "room-" + row(plan.roomRows(), i) + "-" + switch (leaf) {
                        case "type" -> "type";
                        case "area" -> "area";
                        default -> "name";
                    };
                case "sharedCosts":
                    return "cost-" + row(plan.costRows(), i) + "-" + switch (leaf) {
                        case "pool" -> "pool";
                        case "payer" -> "payer";
                        case "perYear" -> "perYear";
                        default -> "name";
                    };
                case "coordinators":
                    return coordinatorField(leaf);
                case "rooms":
                    return "room-0-area";
                default:
                    return "rent";
            }
        }
        Matcher r = RULE.matcher(p);
        if (r.matches()) {
            boolean premises = !r.group(1).equals("JOINT");
            if (r.group(2) != null) {
                Integer row = plan.serviceRowById().get(r.group(2));
                if (row != null) {
                    return "service-" + row + (premises ? "-premisesPercent" : "-jointPercent");
                }
            }
            return premises ? "premisesRule" : "jointRule";
        }
        if (p.startsWith("coordinator.")) {
            return coordinatorField(p.substring("coordinator.".length()));
        }
        if (p.startsWith("assumptions.")) {
            String leaf = p.substring("assumptions.".length());
            return switch (leaf) {
                case "salaryIncreasePercent", "salaryRevision", "indexChangePercent" -> leaf;
                default -> "salaryIncreasePercent";
            };
        }
        if (p.startsWith("rentIndexation") || p.startsWith("rent.indexation")) {
            return "rentBaseYear";
        }
        return switch (p) {
            case "name", "start", "horizonYears", "premisesPayer", "coordinator" -> p;
            case "entities" -> "party-0-org";
            case "services" -> "service-0-included";
            case "sharedRooms" -> "room-0-area";
            case "rentPerSquareMetreYear", "dedicatedRent" -> "rent";
            case "cleaningPerYear" -> "cleaning";
            case "otherSharedPerYear" -> "other";
            case "jointActivitiesPerYear" -> "joint";
            case "rules" -> "premisesRule";
            default -> "planen";
        };
    }

    private static String coordinatorField(String leaf) {
        return switch (leaf) {
            case "employer" -> "coordinatorEmployer";
            case "ftePercent" -> "coordinatorFte";
            case "onCostPercent" -> "coordinatorOnCost";
            case "competenceDevelopmentPerYear" -> "coordinatorCompetence";
            case "itPerYear" -> "coordinatorIt";
            default -> "coordinatorSalary";
        };
    }

    private static int row(List<Integer> rows, int i) {
        return i < rows.size() ? rows.get(i) : 0;
    }

    /** A refusal's reason in Swedish, for a person at the form. */
    static String swedish(String field, String reason) {
        String r = reason == null ? "" : reason;
        if (field.equals("horizonYears") && r.startsWith("is a whole number of years")) {
            return "Ange horisonten som ett helt antal år från 1 till 10.";
        }
        if (r.startsWith("is required to save a plan")) {
            return "Ge planen ett namn för att kunna spara den.";
        }
        if (r.startsWith("none of the plan's legal entities")) {
            return "Minst en av parterna måste vara en av dina organisationer, annars kan du inte se planen när den är sparad.";
        }
        if (r.startsWith("is required: the day the centre opens")) {
            return "Ange dagen då familjecentralen öppnar.";
        }
        if (r.startsWith("must be a decimal number") || r.startsWith("is out of range")) {
            return "Ange ett tal, till exempel 1 850 eller 41,5.";
        }
        if (r.startsWith("must be a date") || r.contains("is not a day of the calendar")) {
            return "Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2027-01-01.";
        }
        if (r.startsWith("is a day of the year written MM-DD")) {
            return "Ange dagen som MM-DD, till exempel 04-01.";
        }
        if (r.startsWith("is 0 kr or more")) {
            return "Beloppet kan inte vara negativt.";
        }
        if (r.startsWith("is 0 or more m²") || r.startsWith("is required and above 0 m²")) {
            return "Ange ytan i m², mer än 0.";
        }
        if (r.startsWith("is a percentage from 0 to 100")) {
            return "Ange en procentsats från 0 till 100.";
        }
        if (r.startsWith("is a yearly change from -50 to 50 percent")) {
            return "Ange en årlig förändring från −50 till 50 procent.";
        }
        if (r.startsWith("names an entity a second time") || r.startsWith("duplicates entities")) {
            return "Organisationen finns redan som part.";
        }
        if (r.startsWith("a plan has at least one legal entity")) {
            return "Ange minst en part.";
        }
        if (r.startsWith("a plan has at least one service") || r.startsWith("a centre needs at least one service")) {
            return "Välj minst en verksamhet som deltar.";
        }
        if (r.startsWith("is not one of the plan's services")) {
            return "Välj en verksamhet som deltar i planen.";
        }
        if (r.startsWith("is not one of the plan's entities")) {
            return field.endsWith("-frame") || field.endsWith("-org") ? "Ramen gäller en organisation som inte är part."
                    : "Välj en part som är ifylld under Parter.";
        }
        if (r.startsWith("is required when there is no coordinator")) {
            return "Välj vilken verksamhet som betalar lokalerna när centralen inte har någon samordnare.";
        }
        if (r.startsWith("is required when the plan has neither")) {
            return "Välj vem som betalar kostnaden.";
        }
        if (r.startsWith("has a frame already")) {
            return "Parten har redan en budgetram.";
        }
        if (r.startsWith("is not a valid organisationsnummer")) {
            return "Ange ett giltigt organisationsnummer, tio siffror som NNNNNN-NNNN.";
        }
        if (r.startsWith("names a service a second time") || r.startsWith("duplicates the id")) {
            return "Två verksamheter har samma id.";
        }
        if (r.startsWith("is the id of a line the plan makes itself") || r.startsWith("names a cost a second time")) {
            return "Välj ett annat namn på kostnaden.";
        }
        if (r.startsWith("add up to")) {
            Matcher m = Pattern.compile("add up to ([^,]+), not 100").matcher(r);
            return "Procentsatserna blir " + (m.find() ? m.group(1).replace('.', ',') : "inte") + " procent i stället för 100.";
        }
        if (r.startsWith("a PERCENT rule needs")) {
            return "Ange varje verksamhets procentsats när kostnaden delas efter procent.";
        }
        if (r.contains("cannot be a member of")) {
            return "Verksamheten kan inte ingå i den här kostnadspoolen; lämna procentsatsen tom.";
        }
        if (r.startsWith("is at most") && r.contains("characters")) {
            return "Texten är för lång.";
        }
        if (r.startsWith("is required")) {
            return "Fyll i fältet.";
        }
        return "Värdet godtas inte (" + r + ").";
    }
}
