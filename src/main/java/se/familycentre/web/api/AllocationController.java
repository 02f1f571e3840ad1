package se.familycentre.web.api;

import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import se.familycentre.allocation.AllocationOutcome;
import se.familycentre.allocation.Allocator;
import se.familycentre.centre.Refusal;
import se.familycentre.format.CentreReader;

/** The stateless calculator: a whole centre and a period in, every share out. Nothing is stored. */
@Controller("/api/v1/allocations")
public class AllocationController {

    private final Allocator allocator;

    public AllocationController(Allocator allocator) {
        this.allocator = allocator;
    }

    /** Pure computation, no database: it runs on the event loop instead of waiting for a worker thread. */
    @Post
    @NonBlocking
    @Consumes({MediaType.APPLICATION_JSON, MediaType.ALL})
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> allocate(@Body byte[] body) {
        CentreReader.AllocationRequest request = CentreReader.readRequest(body);
        AllocationOutcome outcome = allocator.allocate(request.centre(), request.period());
        if (outcome instanceof AllocationOutcome.Refused refused) {
            throw new Refusal.RefusedByRules(CentreReader.inRequest(refused.violations()));
        }
        return HttpResponse.ok(AllocationJson.write(((AllocationOutcome.Allocated) outcome).allocation(),
                request.centre())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
