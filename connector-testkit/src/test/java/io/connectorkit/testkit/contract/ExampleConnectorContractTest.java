package io.connectorkit.testkit.contract;

import io.connectorkit.testkit.contract.example.ExampleFileTree;
import io.connectorkit.testkit.contract.example.ExampleFilesConnector;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Runs the contract suite against the example connector over a fresh file tree per test. */
class ExampleConnectorContractTest extends SourceConnectorContractTest {
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
