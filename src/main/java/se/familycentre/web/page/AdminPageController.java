package se.familycentre.web.page;

import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import se.familycentre.access.Accounts;
import se.familycentre.access.ApiTokens;
import se.familycentre.centre.EntityRegistry;

/**
 * The administrators' index (issue 12): what they administer — the legal entities, the users, the
 * API tokens, the index values and the audit log — each on its own page under {@code /admin}. Anyone
 * but an ADMIN gets the 404 page there, as the API's scope answers.
 */
@Hidden
@Controller("/admin")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AdminPageController {

    private final EntityRegistry registry;
    private final Accounts accounts;
    private final ApiTokens tokens;

    public AdminPageController(EntityRegistry registry, Accounts accounts, ApiTokens tokens) {
        this.registry = registry;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Get
    public HttpResponse<?> index(HttpRequest<?> request) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        Map<String, Object> model = Pages.model(gate.admin(), "Administration");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        model.put("entityCount", registry.list(Pageable.from(0, 1)).getTotalSize());
        model.put("userCount", accounts.list().size());
        model.put("activeTokenCount", tokens.list().stream()
                .filter(t -> t.revokedAt() == null && t.expiresAt().isAfter(now)).count());
        return HttpResponse.ok(new ModelAndView<>("admin", model));
    }
}
