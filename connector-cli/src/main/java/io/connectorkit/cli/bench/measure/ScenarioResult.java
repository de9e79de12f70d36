package io.connectorkit.cli.bench.measure;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What one scenario measured.
 *
 * @param scenario the scenario name, such as {@code full}
 * @param figures the figures, in the order they are printed
 * @param notes remarks that explain a figure (what was reused, what was shrunk)
 */
public record ScenarioResult(String scenario, List<Figure> figures, List<String> notes) {
    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public ScenarioResult {
        requireNonNull(scenario, "scenario");
        figures = List.copyOf(requireNonNull(figures, "figures"));
        notes = List.copyOf(requireNonNull(notes, "notes"));
    }

    /**
     * Looks a figure up by name.
     *
     * @param name the figure's name
     * @return the figure, or empty
     */
    public Optional<Figure> figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
