package com.example.files;

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
 * Runs the contract suite against the example connector over a fresh file tree per test: the
 * whole of what a connector's build needs to prove it keeps the contract.
 */
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
