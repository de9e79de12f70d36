package io.connectorkit.cli.bench;

import static java.util.Objects.requireNonNull;

import io.connectorkit.cli.bench.archive.BenchArchives;
import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.Profile;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The raw and full crawls of one run: one untimed warm-up of each (its own index), then the timed
 * runs alternating raw, full, raw, full..., each into a new index, so that the machine's drift
 * (other load, a warming index) touches both sides of their ratio alike; with {@code --profile},
 * one more full crawl under the recorder, after the timed ones and not timed itself.
 *
 * @param raw the timed raw crawls, in run order
 * @param full the timed full crawls, in run order (empty when full is not run)
 * @param fullConfigs each full crawl's configuration, beside {@code full}
 * @param simulator the full crawls' simulator, or {@code null} when full is not run
 */
record AlternatingCrawls(List<CrawlOutcome> raw, List<CrawlOutcome> full, List<Map<String, String>> fullConfigs,
        SimulatedArchive simulator) {
    AlternatingCrawls {
        raw = List.copyOf(raw);
        full = List.copyOf(full);
        fullConfigs = List.copyOf(fullConfigs);
    }

    /**
     * Runs the warm-ups and the timed crawls.
     *
     * @param env the run's environment (scale, repeats, profile)
     * @param withFull whether full runs beside raw
     * @return the crawls; the caller closes the simulator
     * @throws Exception if a crawl cannot run
     */
    static AlternatingCrawls run(BenchEnvironment env, boolean withFull) throws Exception {
        requireNonNull(env, "env");
        Archive archive = ArchiveGenerator.generate(BenchArchives.full(env.scale(), 1));
        SimulatedArchive sim = withFull ? SimulatedArchive.start(BenchArchives.full(env.scale(), 1), b -> b) : null;
        try {
            env.warmUp(env.rawConfig("bench-raw-warmup"), archive, null);
            if (sim != null) {
                env.warmUp(env.mimecastConfig("bench-full-warmup", sim.server()), sim.archive(), sim.server());
            }
            List<CrawlOutcome> raw = new ArrayList<>();
            List<CrawlOutcome> full = new ArrayList<>();
            List<Map<String, String>> configs = new ArrayList<>();
            for (int i = 1; i <= env.repeat(); i++) {
                env.say("  timed run " + i + " of " + env.repeat());
                raw.add(env.crawl(env.rawConfig("bench-raw-" + i), archive, null));
                if (sim != null) {
                    Map<String, String> config = env.mimecastConfig("bench-full-" + i, sim.server());
                    full.add(env.crawl(config, sim.archive(), sim.server()));
                    configs.add(config);
                }
            }
            Path profile = env.profile().orElse(null);
            if (sim != null && profile != null) {
                // One more full crawl, not timed: the recorder slowed the crawl it watched threefold
                // at full size (210 s against 60-70 s), which no figure should carry.
                env.say("  profiled run (not timed): bench-full-profile");
                Profile.record(profile, () -> env.crawl(env.mimecastConfig("bench-full-profile", sim.server()),
                        sim.archive(), sim.server()));
                env.say("  JFR recording of that full crawl written to " + profile);
            }
            return new AlternatingCrawls(raw, full, configs, sim);
        } catch (Exception | Error e) {
            if (sim != null) {
                sim.close();
            }
            throw e;
        }
    }

    /** @return the index of the full crawl with the median wall time (the lower middle of an even count) */
    int medianFull() {
        return IntStream.range(0, full.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> full.get(i).seconds()))
                .toList().get((full.size() - 1) / 2);
    }
}
