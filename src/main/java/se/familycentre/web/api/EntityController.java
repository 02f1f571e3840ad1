package se.familycentre.web.api;

import io.micronaut.core.annotation.Nullable;
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
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import se.familycentre.centre.EntityRegistry;
import se.familycentre.centre.LegalEntityRow;
import se.familycentre.format.CentreWriter;
import se.familycentre.format.EntityReader;

/**
 * Legal entities: regions, municipalities and private health centres, addressed
 * by id or by organisationsnummer ({@code /entities/232100-0131}).
 */
@Controller("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
public class EntityController {

    private final EntityRegistry registry;

    public EntityController(EntityRegistry registry) {
        this.registry = registry;
    }

    @Get
    public Map<String, Object> list(Pageable pageable) {
        Page<LegalEntityRow> page = registry.list(Pageables.sorted(pageable, "organisationNumber",
                Set.of("id", "organisationNumber", "name")));
        return Pageables.page(page, EntityController::json);
    }

    @Get("/{ref}")
    public HttpResponse<Map<String, Object>> get(String ref) {
        LegalEntityRow row = registry.get(ref);
        return HttpResponse.ok(json(row)).header(HttpHeaders.ETAG, ETags.of(row.version()));
    }

    @Post
    public HttpResponse<Map<String, Object>> create(@Body String body) {
        EntityReader.EntityEntry entry = EntityReader.read(body);
        LegalEntityRow row = registry.create(entry.entity(), entry.details());
        return HttpResponse.created(json(row), URI.create("/api/v1/entities/" + row.id()))
                .header(HttpHeaders.ETAG, ETags.of(row.version()));
    }

    @Put("/{ref}")
    public HttpResponse<Map<String, Object>> update(String ref, @Body String body,
                                                    @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        EntityReader.EntityEntry entry = EntityReader.read(body);
        LegalEntityRow row = registry.update(ref, entry.entity(), entry.details(), ETags.ifMatch(ifMatch));
        return HttpResponse.ok(json(row)).header(HttpHeaders.ETAG, ETags.of(row.version()));
    }

    @Delete("/{ref}")
    public HttpResponse<Void> delete(String ref, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        registry.delete(ref, ETags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    static Map<String, Object> json(LegalEntityRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
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
