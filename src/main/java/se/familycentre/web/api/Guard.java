package se.familycentre.web.api;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import se.familycentre.access.Actor;
import se.familycentre.access.Role;
import se.familycentre.access.Scope;
import se.familycentre.invoicing.JobRepository;
import se.familycentre.invoicing.JobRow;
import se.familycentre.invoicing.StatementRepository;
import se.familycentre.invoicing.StatementRow;

/**
 * Roles and scope for every API path, in one table (issue 9): what each role may do, and that a
 * centre or statement outside the principal's entities answers 404, as if it did not exist. Lists
 * (centres, statements, the audit, a run's centres) are narrowed to the scope by their controllers.
 *
 * <pre>
 *                                   ADMIN  FINANCE  STEERING  SYSTEM
 * read centres and allocations        all    scope    scope     scope
 * change centres, import one          all    scope    -         -
 * create an empty centre              all    -        -         -
 * drafts                              all    scope    -         scope
 * issue, credit, run the quarter      all    scope    -         scope, if its token may issue
 * read statements (JSON, PDF, CSV)    all    scope    -         scope
 * change legal entities               all    -        -         -
 * users and tokens                    all    -        -         -
 * read index series                   all    all      all       all
 * enter an index value                all    -        -         -
 * compute a plan, read saved plans    all    scope    scope     -
 * save, change, copy, delete plans    all    -        scope     -
 * make a saved plan a centre          all    scope    -         -
 * </pre>
 */
@Filter("/api/v1/**")
public class Guard implements HttpServerFilter {

    private static final Pattern CENTRE = Pattern.compile("^/api/v1/centres/(\\d+)(/.*)?$");
    private static final Pattern STATEMENT = Pattern.compile("^/api/v1/statements/(\\d+)(\\.[a-z]+)?(/.*)?$");
    private static final Pattern SIE = Pattern.compile("^/api/v1/entities/([^/]+)/(sie|statements\\.csv|statements\\.zip)$");
    private static final Pattern JOB = Pattern.compile("^/api/v1/jobs/(\\d+)$");
    private static final Pattern CENTRE_FROM_PLAN = Pattern.compile("^/api/v1/scenarios/\\d+/centre$");
    private static final Set<HttpMethod> READ = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Scope scope;
    private final StatementRepository statements;
    private final JobRepository jobs;

    public Guard(Scope scope, StatementRepository statements, JobRepository jobs) {
        this.jobs = jobs;
        this.scope = scope;
        this.statements = statements;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 1;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<Actor> actor = request.getAttribute(Access.ACTOR, Actor.class);
        if (actor.isEmpty()) {
            return chain.proceed(request);
        }
        return Access.checkedOffLoop(request, chain, () -> check(request, actor.get()));
    }

    /** Why the actor may not make the request, or nothing. */
    Optional<MutableHttpResponse<?>> check(HttpRequest<?> request, Actor actor) {
        if (actor.isAdmin()) {
            return Optional.empty();
        }
        String path = request.getPath();
        boolean read = READ.contains(request.getMethod());
        Matcher centre = CENTRE.matcher(path);
        if (centre.matches()) {
            if (!scope.seesCentre(actor, Long.parseLong(centre.group(1)))) {
                return notFound(request, "centre " + centre.group(1));
            }
            String rest = centre.group(2) == null ? "" : centre.group(2);
            if (rest.startsWith("/statements")) {
                if (rest.equals("/statements/issue")) {
                    return allowed(request, actor.mayIssue(), "issuing needs FINANCE, ADMIN or a token that may issue");
                }
                return allowed(request, actor.has(Role.FINANCE) || actor.has(Role.SYSTEM),
                        "statements are read by FINANCE, SYSTEM and ADMIN");
            }
            return allowed(request, read || actor.mayEditCentres(), "changing a centre needs FINANCE or ADMIN");
        }
        if (path.equals("/api/v1/centres")) {
            // an empty centre has no service yet, so no finance officer's scope would reach it
            return allowed(request, read, "an empty centre is created by ADMIN; FINANCE imports a whole one");
        }
        if (path.equals("/api/v1/centres/import")) {
            return allowed(request, actor.mayEditCentres(), "importing a centre needs FINANCE or ADMIN");
        }
        Matcher statement = STATEMENT.matcher(path);
        if (statement.matches()) {
            Optional<StatementRow> row = statements.findById(Long.parseLong(statement.group(1)));
            if (row.isEmpty() || !scope.seesStatement(actor, row.get().creditor(), row.get().debtor())) {
                return notFound(request, "statement " + statement.group(1));
            }
            if (statement.group(3) != null) {
                return allowed(request, actor.mayIssue(), "crediting needs FINANCE, ADMIN or a token that may issue");
            }
            return allowed(request, actor.has(Role.FINANCE) || actor.has(Role.SYSTEM),
                    "statements are read by FINANCE, SYSTEM and ADMIN");
        }
        if (path.equals("/api/v1/statements")) {
            return allowed(request, actor.has(Role.FINANCE) || actor.has(Role.SYSTEM),
                    "statements are read by FINANCE, SYSTEM and ADMIN");
        }
        if (path.equals("/api/v1/statements/issue")) {
            return allowed(request, actor.mayIssue(), "running the quarter needs FINANCE, ADMIN or a token that may issue");
        }
        Matcher job = JOB.matcher(path);
        if (job.matches()) {
            // a run is visible to those who share the scope it was started for
            Optional<JobRow> row = jobs.findById(Long.parseLong(job.group(1)));
            if (row.isEmpty() || row.get().scope() == null || !row.get().scope().equals(Scope.key(actor))) {
                return notFound(request, "job " + job.group(1));
            }
            return allowed(request, actor.mayIssue(), "runs are followed by FINANCE, ADMIN or a token that may issue");
        }
        Matcher sie = SIE.matcher(path);
        if (sie.matches()) {
            // an entity's postings and its statements in one file: its own officers and systems
            String ref = sie.group(1);
            Set<String> mine = scope.organisationNumbers(actor);
            boolean own = mine.contains(se.familycentre.allocation.OrganisationNumber.normalise(ref))
                    || ref.matches("\\d{1,18}") && actor.entityIds().contains(Long.parseLong(ref));
            if (!own) {
                return notFound(request, "legal entity " + ref);
            }
            return allowed(request, actor.has(Role.FINANCE) || actor.has(Role.SYSTEM),
                    "postings are read by FINANCE, SYSTEM and ADMIN");
        }
        if (path.startsWith("/api/v1/entities")) {
            return allowed(request, read, "legal entities are changed by ADMIN");
        }
        if (path.startsWith("/api/v1/index-series")) {
            return allowed(request, read, "index values are entered by ADMIN");
        }
        if (path.equals("/api/v1/scenarios") || path.startsWith("/api/v1/scenarios/")) {
            // plans are the steering group's; finance officers read them and make the decided one a centre
            boolean plans = actor.has(Role.STEERING) || actor.has(Role.FINANCE);
            if (CENTRE_FROM_PLAN.matcher(path).matches()) {
                return allowed(request, actor.mayEditCentres(), "a plan becomes a centre by FINANCE or ADMIN");
            }
            if (path.equals("/api/v1/scenarios/compute") || path.startsWith("/api/v1/scenarios/compute/")) {
                return allowed(request, plans, "plans are computed by STEERING, FINANCE and ADMIN");
            }
            return allowed(request, read ? plans : actor.has(Role.STEERING),
                    read ? "plans are read by STEERING, FINANCE and ADMIN" : "plans are saved and changed by STEERING and ADMIN");
        }
        if (path.startsWith("/api/v1/users") || path.startsWith("/api/v1/tokens")) {
            return allowed(request, false, "users and tokens are administered by ADMIN");
        }
        return Optional.empty();
    }

    private static Optional<MutableHttpResponse<?>> allowed(HttpRequest<?> request, boolean allowed, String why) {
        if (allowed) {
            return Optional.empty();
        }
        return Optional.of(Access.refuse(request, HttpStatus.FORBIDDEN, ProblemMapper.FORBIDDEN, "Not allowed", why));
    }

    private static Optional<MutableHttpResponse<?>> notFound(HttpRequest<?> request, String what) {
        return Optional.of(Access.refuse(request, HttpStatus.NOT_FOUND, ProblemMapper.NOT_FOUND, "Not found",
                what + " does not exist"));
    }
}
