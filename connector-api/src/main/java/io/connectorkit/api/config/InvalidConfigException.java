package io.connectorkit.api.config;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration with one or more problems. The message lists every problem, one per line, so
 * an administrator can fix them all in one go.
 */
public class InvalidConfigException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems every problem found; not empty
     */
    public InvalidConfigException(List<ConfigProblem> problems) {
        super(ErrorKind.CONFIGURATION, describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid configuration has at least one problem");
        }
        return "The configuration has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ":\n" + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }

    /**
     * Every problem found.
     *
     * @return the problems, in key order
     */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
