package dev.trollwatch;

import java.util.List;

/**
 * A parameter value the core cannot work with, named neutrally ({@code max_depth}, {@code rows}):
 * the core does not know how a caller spells its parameters. The CLI maps the names to its options
 * ({@code --max-depth}) and reports a usage error; for other callers it is an illegal argument.
 */
public class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> parameters;
    private final String problem;

    /** @param problem what is wrong, to follow the parameter name: {@code must be >= 0, got -1} */
    public InvalidParameterException(String parameter, String problem) {
        this(List.of(parameter), problem);
    }

    /** For a rule over several parameters together (e.g. two fractions whose sum is too large). */
    public InvalidParameterException(List<String> parameters, String problem) {
        super(String.join(" + ", parameters) + " " + problem);
        this.parameters = List.copyOf(parameters);
        this.problem = problem;
    }

    public List<String> parameters() {
        return parameters;
    }

    public String problem() {
        return problem;
    }
}
