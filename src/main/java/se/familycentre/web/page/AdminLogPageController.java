package se.familycentre.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.familycentre.centre.AuditEventRepository;
import se.familycentre.centre.AuditEventRow;

/**
 * The audit log for administrators (issue 12): every recorded change, newest first, 50 a page, in
 * Swedish time — who, what, which object — optionally only one kind of object or one actor.
 */
@Hidden
@Controller("/admin/logg")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AdminLogPageController {

    static final String PATH = "/admin/logg";
    static final int SIZE = 50;

    /** The kinds of object the audit records, in Swedish. */
    static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("centre", "Familjecentral");
        TYPES.put("service", "Verksamhet");
        TYPES.put("room", "Lokal");
        TYPES.put("coordinator", "Samordnare");
        TYPES.put("cost-line", "Kostnadsrad");
        TYPES.put("entity", "Organisation");
        TYPES.put("statement", "Avräkning");
        TYPES.put("statements", "Avräkningar");
        TYPES.put("job", "Kvartalskörning");
        TYPES.put("scenario", "Budgetscenario");
        TYPES.put("INDEX_VALUE", "Indexvärde");
        TYPES.put("user", "Användare");
        TYPES.put("token", "API-token");
    }

    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("CREATE", "Skapade"), Map.entry("UPDATE", "Ändrade"), Map.entry("DELETE", "Tog bort"),
            Map.entry("IMPORT", "Importerade"), Map.entry("ISSUE", "Utfärdade"), Map.entry("CREDIT", "Krediterade"),
            Map.entry("RUN", "Körde"), Map.entry("COPY", "Kopierade"), Map.entry("CENTRE", "Gjorde till familjecentral"),
            Map.entry("SIGN_IN", "Loggade in"), Map.entry("SIGN_IN_FAILED", "Misslyckad inloggning"),
            Map.entry("SIGN_OUT", "Loggade ut"), Map.entry("PASSWORD", "Bytte lösenord"), Map.entry("UNLOCK", "Låste upp"),
            Map.entry("TOKEN_CREATE", "Skapade token"), Map.entry("TOKEN_REVOKE", "Återkallade token"));

    private final AuditEventRepository events;

    public AdminLogPageController(AuditEventRepository events) {
        this.events = events;
    }

    @Get
    public HttpResponse<?> log(HttpRequest<?> request, @Nullable @QueryValue String sida, @Nullable @QueryValue String typ,
                               @Nullable @QueryValue String vem) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        int number = sida != null && sida.matches("\\d{1,6}") ? Math.max(1, Integer.parseInt(sida)) : 1;
        String type = typ == null || typ.isBlank() ? null : typ.strip();
        String actor = vem == null || vem.isBlank() ? null : vem.strip();
        Pageable pageable = Pageable.from(number - 1, SIZE, Sort.of(Sort.Order.desc("id")));
        Page<AuditEventRow> page = type != null && actor != null ? events.findByResourceTypeAndActor(type, actor, pageable)
                : type != null ? events.findByResourceType(type, pageable)
                : actor != null ? events.findByActor(actor, pageable)
                : events.findAll(pageable);
        Map<String, Object> model = Pages.model(gate.admin(), "Händelselogg");
        model.put("events", page.getContent().stream().map(AdminLogPageController::row).toList());
        model.put("page", number);
        model.put("pages", Math.max(1, page.getTotalPages()));
        model.put("total", page.getTotalSize());
        model.put("typ", type == null ? "" : type);
        model.put("vem", actor == null ? "" : actor);
        List<Map<String, Object>> types = new ArrayList<>();
        TYPES.forEach((k, v) -> types.add(Map.of("value", k, "label", v, "selected", k.equals(type))));
        model.put("types", types);
        String filter = (type == null ? "" : "&typ=" + URLEncoder.encode(type, StandardCharsets.UTF_8))
                + (actor == null ? "" : "&vem=" + URLEncoder.encode(actor, StandardCharsets.UTF_8));
        model.put("previous", number > 1 ? PATH + "?sida=" + (number - 1) + filter : null);
        model.put("next", number < page.getTotalPages() ? PATH + "?sida=" + (number + 1) + filter : null);
        return HttpResponse.ok(new ModelAndView<>("adminLog", model));
    }

    private static Map<String, Object> row(AuditEventRow e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", AdminPages.time(e.occurredAt()));
        m.put("actor", e.actor());
        m.put("action", ACTIONS.getOrDefault(e.action(), e.action()));
        m.put("type", TYPES.getOrDefault(e.resourceType(), e.resourceType()));
        m.put("object", e.resourceId());
        m.put("centre", e.centreId() == null ? null : "/centraler/" + e.centreId());
        m.put("summary", e.summary() == null ? "" : e.summary());
        return m;
    }
}
