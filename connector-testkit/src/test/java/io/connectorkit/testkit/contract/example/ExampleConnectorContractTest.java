package io.connectorkit.testkit.contract.example;

import io.connectorkit.testkit.contract.FaultInjector;
import io.connectorkit.testkit.contract.SourceConnectorContractTest;
import io.connectorkit.testkit.contract.SourceMutator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the contract suite against the example connector over a fresh file tree per test. Lives
 * in a package of its own, as a third-party connector's test does. Public only so that the
 * suite's own tests can run it against deliberately broken variants.
 */
public class ExampleConnectorContractTest extends SourceConnectorContractTest {
    @TempDir
    Path root;

    private ExampleFileTree tree;

    @BeforeEach
    void createTree() {
        tree = ExampleFileTree.create(root);
    }

    @Override
    protected String connectorType() {
        return ExampleFilesConnector.TYPE;
    }

    @Override
    protected Map<String, String> config() {
        return Map.of(ExampleFilesConnector.ROOT, root.toString(), ExampleFilesConnector.TOKEN, ExampleFileTree.GOOD_TOKEN);
    }

    @Override
    protected Map<String, String> configWithBadCredentials() {
        return Map.of(ExampleFilesConnector.ROOT, root.toString(), ExampleFilesConnector.TOKEN, "wrong-token-93c2");
    }

    @Override
    protected SourceMutator mutator() {
        return tree;
    }

    @Override
    protected Optional<FaultInjector> faultInjector() {
        return Optional.of(tree);
    }

    @Override
    protected OptionalInt expectedDocumentCount() {
        return OptionalInt.of(ExampleFileTree.FILES);
    }
}
