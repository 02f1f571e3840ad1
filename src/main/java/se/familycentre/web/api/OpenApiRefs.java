package se.familycentre.web.api;

/**
 * Names of the hand-written schemas in {@code src/main/openapi/family-centre-components.yml}, which
 * micronaut-openapi merges into the generated document: the controllers' annotations refer to them.
 */
final class OpenApiRefs {

    static final String SCHEMAS = "#/components/schemas/";
    static final String PROBLEM = SCHEMAS + "Problem";
    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    private OpenApiRefs() {
    }
}
