package uk.gov.essex.mace.system;

import java.util.Map;

/**
 * A request that is well-formed JSON but breaks a rule of the domain (a child over 18, an unknown
 * district). Maps to 400 with the offending fields; the message never echoes case content.
 */
public class InvalidRequestProblem extends RuntimeException {

    private final String slug;
    private final Map<String, String> fieldErrors;

    public InvalidRequestProblem(String slug, String message, Map<String, String> fieldErrors) {
        super(message);
        this.slug = slug;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public InvalidRequestProblem(String slug, String message) {
        this(slug, message, Map.of());
    }

    public String slug() {
        return slug;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
