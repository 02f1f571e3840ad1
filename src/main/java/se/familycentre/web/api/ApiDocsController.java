package se.familycentre.web.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;

/**
 * Stable addresses for the API's description: the OpenAPI document is written at compile time by
 * micronaut-openapi and served as a static resource under {@code /swagger}; Swagger UI is bundled.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@Tag(name = "Contract")
public class ApiDocsController {

    /** Where micronaut-openapi's document is served (named in openapi.properties). */
    public static final String DOCUMENT = "/swagger/family-centre-costs.yml";
    public static final String UI = "/swagger-ui/index.html";

    @Get("/openapi")
    @Operation(summary = "The OpenAPI 3 document of this API (a redirect to the YAML file)")
    @ApiResponse(responseCode = "303", description = "See the document at the Location")
    public HttpResponse<Void> document() {
        return HttpResponse.seeOther(URI.create(DOCUMENT));
    }

    @Get("/swagger-ui")
    @Operation(summary = "Swagger UI for this API, served by the service itself (a redirect to its page)")
    @ApiResponse(responseCode = "303", description = "See the page at the Location")
    public HttpResponse<Void> ui() {
        return HttpResponse.seeOther(URI.create(UI));
    }
}
