package se.familycentre.web.api;

import io.micronaut.core.annotation.Nullable;
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
import java.util.List;
import java.util.Map;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Coordinator;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.Room;
import se.familycentre.allocation.Service;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.CentreStore;

/**
 * The parts of a stored centre, one resource at a time: {@code services},
 * {@code rooms}, {@code coordinators} and {@code cost-lines}. Each body is the
 * object the centre format has in that list; dated values (salary revisions,
 * amount changes, participation) are changes from a date within it, so a
 * change recorded today leaves earlier periods as they were.
 */
@Controller("/api/v1/centres/{centreId}/{kind}")
@Produces(MediaType.APPLICATION_JSON)
public class CentrePartsController {

    private static final List<String> KINDS = List.of("services", "rooms", "coordinators", "cost-lines");

    private final CentreStore store;

    public CentrePartsController(CentreStore store) {
        this.store = store;
    }

    @Get
    public List<Map<String, Object>> list(long centreId, String kind) {
        return parts(store.document(centreId), kind(kind));
    }

    @Get("/{key}")
    public HttpResponse<Map<String, Object>> get(long centreId, String kind, String key) {
        CentreDocument doc = store.document(centreId);
        Map<String, Object> part = parts(doc, kind(kind)).stream().filter(p -> key.equals(p.get("id"))).findFirst()
                .orElseThrow(() -> Problems.notFound(singular(kind) + " " + key + " of centre " + centreId));
        return CentreController.withEtag(HttpResponse.ok(part), store.version(centreId, kind, key).orElseThrow());
    }

    @Post
    public HttpResponse<Map<String, Object>> create(long centreId, String kind, @Body String body) {
        String key = put(centreId, kind(kind), null, body, null, true);
        return CentreController.withEtag(HttpResponse.created(partOf(centreId, kind, key),
                URI.create("/api/v1/centres/" + centreId + "/" + kind + "/" + key)),
                store.version(centreId, kind, key).orElseThrow());
    }

    @Put("/{key}")
    public HttpResponse<Map<String, Object>> update(long centreId, String kind, String key, @Body String body,
                                                    @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        put(centreId, kind(kind), key, body, ifMatch, false);
        return CentreController.withEtag(HttpResponse.ok(partOf(centreId, kind, key)),
                store.version(centreId, kind, key).orElseThrow());
    }

    @Delete("/{key}")
    public HttpResponse<Void> delete(long centreId, String kind, String key,
                                     @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        switch (kind(kind)) {
            case "services" -> store.deleteService(centreId, key, ifMatch);
            case "rooms" -> store.deleteRoom(centreId, key, ifMatch);
            case "coordinators" -> store.deleteCoordinator(centreId, key, ifMatch);
            default -> store.deleteCostLine(centreId, key, ifMatch);
        }
        return HttpResponse.noContent();
    }

    /** Reads the body as the kind's object and stores it; returns its id. */
    private String put(long centreId, String kind, String key, String body, String ifMatch, boolean create) {
        CentreFormat.Part part = CentreFormat.readPart(body, kind, key);
        if (!create && !key.equals(part.id())) {
            throw ProblemException.invalid(List.of(new Violation("id", "is " + key + " in the address; an id cannot change")));
        }
        refuseInvalid(store.document(centreId).centre(), kind, part);
        switch (kind) {
            case "services" -> store.putService(centreId, key, (Service) part.value(), part.costReference(), ifMatch, create);
            case "rooms" -> store.putRoom(centreId, key, (Room) part.value(), part.roomName(), ifMatch, create);
            case "coordinators" -> store.putCoordinator(centreId, key, (Coordinator) part.value(), ifMatch, create);
            default -> store.putCostLine(centreId, key, (CostLine) part.value(), ifMatch, create);
        }
        return part.id();
    }

    /**
     * Checks the part by the rules before anything is written, in the centre as it
     * would be with the part: the columns must never see a value they would
     * round or refuse. Paths are the part's own ({@code amount}, not {@code costLines[3].amount}).
     */
    private static void refuseInvalid(Centre stored, String kind, CentreFormat.Part part) {
        List<Service> services = new java.util.ArrayList<>(stored.services());
        List<Room> rooms = new java.util.ArrayList<>(stored.rooms());
        List<Coordinator> coordinators = new java.util.ArrayList<>(stored.coordinators());
        List<CostLine> lines = new java.util.ArrayList<>(stored.costLines());
        String list = switch (kind) {
            case "services" -> "services[" + place(services, (Service) part.value(), Service::id) + "]";
            case "rooms" -> "rooms[" + place(rooms, (Room) part.value(), Room::id) + "]";
            case "coordinators" -> "coordinators[" + place(coordinators, (Coordinator) part.value(), Coordinator::id) + "]";
            default -> "costLines[" + place(lines, (CostLine) part.value(), CostLine::id) + "]";
        };
        List<se.familycentre.allocation.LegalEntity> entities = new java.util.ArrayList<>(stored.entities());
        if (part.value() instanceof Service s && s.entity() != null && entities.stream()
                .noneMatch(e -> se.familycentre.allocation.OrganisationNumber.normalise(e.organisationNumber())
                        .equals(se.familycentre.allocation.OrganisationNumber.normalise(s.entity())))) {
            // the store checks that the entity is registered; here it only has to be part of the centre
            entities.add(new se.familycentre.allocation.LegalEntity(s.entity(), s.entity()));
        }
        Centre tentative = new Centre(stored.name(), entities, services, rooms, stored.rules(), coordinators,
                lines, stored.dedicatedRent());
        List<Violation> violations = new java.util.ArrayList<>();
        for (Violation v : se.familycentre.allocation.CentreValidator.validate(tentative)) {
            if (v.field().startsWith(list + ".")) {
                violations.add(new Violation(v.field().substring(list.length() + 1), v.reason()));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** Puts the part in its list (replacing the one with its id) and returns its index. */
    private static <T> int place(List<T> list, T part, java.util.function.Function<T, String> id) {
        for (int i = 0; i < list.size(); i++) {
            if (id.apply(list.get(i)).equals(id.apply(part))) {
                list.set(i, part);
                return i;
            }
        }
        list.add(part);
        return list.size() - 1;
    }

    private Map<String, Object> partOf(long centreId, String kind, String key) {
        return parts(store.document(centreId), kind).stream().filter(p -> key.equals(p.get("id"))).findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> parts(CentreDocument doc, String kind) {
        Centre c = doc.centre();
        return switch (kind) {
            case "services" -> c.services().stream().map(s -> CentreWriter.service(s, doc.costReferences().get(s.id()))).toList();
            case "rooms" -> c.rooms().stream().map(r -> CentreWriter.room(r, doc.roomNames().get(r.id()))).toList();
            case "coordinators" -> c.coordinators().stream().map(CentreWriter::coordinator).toList();
            default -> c.costLines().stream().map(CentreWriter::costLine).toList();
        };
    }

    private static String kind(String kind) {
        if (!KINDS.contains(kind)) {
            throw Problems.notFound("/" + kind + " (a centre has " + String.join(", ", KINDS) + ")");
        }
        return kind;
    }

    private static String singular(String kind) {
        return switch (kind) {
            case "services" -> "service";
            case "rooms" -> "room";
            case "coordinators" -> "coordinator";
            default -> "cost line";
        };
    }
}
