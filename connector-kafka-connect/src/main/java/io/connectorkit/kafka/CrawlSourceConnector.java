package io.connectorkit.kafka;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.Partition;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.runtime.ConnectorRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Connect source that runs any of our connectors (found by {@link java.util.ServiceLoader} in
 * this plugin's folder), chosen by {@code connector.type}. It lists the partitions, deals them to
 * the tasks, and lists them again every {@value ConnectKeys#MONITOR} seconds: a changed list asks
 * Connect to reconfigure the tasks.
 */
public final class CrawlSourceConnector extends SourceConnector {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlSourceConnector.class);

    private ConnectorRegistry registry;
    private Map<String, String> props;
    private SourceSettings settings;
    private volatile List<Partition> partitions = List.of();
    private Thread monitor;
    private volatile boolean stopping;

    /** Creates the connector; Connect calls it. */
    public CrawlSourceConnector() {
    }

    private ConnectorRegistry registry() {
        if (registry == null) {
            registry = ConnectorRegistry.load(CrawlSourceConnector.class.getClassLoader());
        }
        return registry;
    }

    @Override
    public String version() {
        return Version.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = new HashMap<>(props);
        try {
            settings = SourceSettings.from(registry(), props);
        } catch (InvalidConfigException e) {
            throw new ConnectException("Invalid configuration: " + e.getMessage());
        }
        partitions = list();
        LOG.info("Source '{}' ({}): {} partitions", settings.connectorId(), settings.connector().type(),
                partitions.size());
        long every = settings.plugin().getLong(ConnectKeys.MONITOR);
        stopping = false;
        monitor = new Thread(() -> watch(every), "partition-monitor-" + settings.connectorId());
        monitor.setDaemon(true);
        monitor.start();
    }

    /** Lists the partitions now; a listing that fails is Connect's failure of the connector. */
    private List<Partition> list() {
        try (TaskContext context = new TaskContext(settings.connectorId(), 0);
                ConnectorSession session = settings.connector().open(settings.source(), context)) {
            return List.copyOf(session.partitions());
        } catch (ConnectorException e) {
            throw new ConnectException("Listing the partitions of source '" + settings.connectorId() + "' failed: "
                    + e.getMessage(), e);
        }
    }

    private void watch(long seconds) {
        while (!stopping) {
            try {
                TimeUnit.SECONDS.sleep(seconds);
            } catch (InterruptedException e) {
                return;
            }
            if (stopping) {
                return;
            }
            try {
                List<Partition> now = list();
                if (!ids(now).equals(ids(partitions))) {
                    LOG.info("Source '{}': the partitions changed ({} to {}); reconfiguring the tasks",
                            settings.connectorId(), partitions.size(), now.size());
                    partitions = now;
                    context().requestTaskReconfiguration();
                }
            } catch (ConnectException e) {
                // The next listing tries again; the tasks go on with their shares.
                LOG.warn("{}", e.getMessage());
            }
        }
    }

    private static List<String> ids(List<Partition> ps) {
        return ps.stream().map(Partition::id).toList();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CrawlSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<List<Partition>> shares = PartitionShares.spread(partitions, maxTasks);
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            Map<String, String> c = new HashMap<>(props);
            c.put(ConnectKeys.TASK_PARTITIONS, PartitionShares.encode(shares.get(i)));
            c.put(ConnectKeys.TASK_COUNT, Integer.toString(shares.size()));
            c.put(ConnectKeys.TASK_LISTER, Boolean.toString(i == 0));
            configs.add(c);
        }
        return configs;
    }

    @Override
    public void stop() {
        stopping = true;
        if (monitor != null) {
            monitor.interrupt();
        }
    }

    @Override
    public ConfigDef config() {
        return ConnectKeys.configDef(ConnectKeys.allSourceKeys(registry()));
    }

    /**
     * Validates with our rules, the CLI's: every problem of every key at once, each on its key in
     * Connect's answer, secret values masked.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        ConfigSpec spec = ConnectKeys.allSourceKeys(registry());
        List<ConfigProblem> problems = SourceSettings.problems(registry(), connectorConfigs);
        return ConnectKeys.result(ConnectKeys.configDef(spec), connectorConfigs, problems);
    }

    /**
     * Supported: a task's source offsets are the connector's checkpoints, each on the record that
     * ends what it covers, and a task restarted from a committed checkpoint emits again everything
     * after it; within Connect's transactions the topic then holds each record once.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.UNSUPPORTED;
    }

    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        // Any checkpoint the connector wrote, or none (a null offset starts the partition over).
        return true;
    }
}
