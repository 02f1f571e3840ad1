package se.familycentre.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import se.familycentre.centre.AuditEventRepository;
import se.familycentre.centre.AuditEventRow;

/** The audit log: every change, newest first, optionally for one centre. */
@Controller("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditController {

    private final AuditEventRepository events;

    public AuditController(AuditEventRepository events) {
        this.events = events;
    }

    @Get
    public Map<String, Object> list(@Nullable @QueryValue Long centreId, Pageable pageable) {
        Pageable p = Pageables.sorted(pageable.getSort().isSorted() ? pageable
                        : Pageable.from(pageable.getNumber(), pageable.getSize(), Sort.of(Sort.Order.desc("id"))),
                "id", Set.of("id", "occurredAt"));
        return Pageables.page(centreId == null ? events.findAll(p) : events.findByCentreId(centreId, p),
                AuditController::json);
    }

    private static Map<String, Object> json(AuditEventRow e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", e.occurredAt().toString());
        m.put("by", e.actor());
        m.put("action", e.action());
        m.put("resourceType", e.resourceType());
        m.put("resourceId", e.resourceId());
        if (e.centreId() != null) {
            m.put("centreId", e.centreId());
        }
        if (e.summary() != null) {
            m.put("summary", e.summary());
        }
        return m;
    }
}
