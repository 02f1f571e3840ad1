package se.familycentre.web.api;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.Map;
import se.familycentre.centre.EntityRegistry;
import se.familycentre.centre.LegalEntityRow;
import se.familycentre.centre.Versions;

/** Legal entities: regions, municipalities and private health centres, by organisationsnummer. */
@Controller("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
public class EntityController {

    private final EntityRegistry registry;

    public EntityController(EntityRegistry registry) {
        this.registry = registry;
    }

    @Get
    public Map<String, Object> list(Pageable pageable) {
        Page<LegalEntityRow> page = registry.list(Pageables.sorted(pageable, "organisationNumber", java.util.Set.of("id", "organisationNumber", "name")));
        return Pageables.page(page, EntityController::json);
    }

    @Get("/{id}")
    public HttpResponse<Map<String, Object>> get(long id) {
        LegalEntityRow row = registry.get(id);
        return HttpResponse.ok(json(row)).header(HttpHeaders.ETAG, Versions.etag(row.version()));
    }

    @Post
    public HttpResponse<Map<String, Object>> create(@Body String body) {
        LegalEntityRow row = registry.create(EntityFormat.read(body));
        return HttpResponse.created(json(row), URI.create("/api/v1/entities/" + row.id()))
                .header(HttpHeaders.ETAG, Versions.etag(row.version()));
    }

    @Put("/{id}")
    public HttpResponse<Map<String, Object>> update(long id, @Body String body,
                                                    @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        LegalEntityRow row = registry.update(id, EntityFormat.read(body), ifMatch);
        return HttpResponse.ok(json(row)).header(HttpHeaders.ETAG, Versions.etag(row.version()));
    }

    @Delete("/{id}")
    public HttpResponse<Void> delete(long id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        registry.delete(id, ifMatch);
        return HttpResponse.noContent();
    }

    static Map<String, Object> json(LegalEntityRow row) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", row.id());
        CentreWriter.put(m, "organisationNumber", row.organisationNumber());
        CentreWriter.put(m, "name", row.name());
        CentreWriter.put(m, "invoiceAddress", row.invoiceAddress());
        CentreWriter.put(m, "invoiceReference", row.invoiceReference());
        m.put("paymentTermsDays", row.paymentTermsDays());
        m.put("version", row.version());
        return m;
    }
}
