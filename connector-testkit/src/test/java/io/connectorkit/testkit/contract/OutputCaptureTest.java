package io.connectorkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Logger;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

/** What the contract suite's output capture sees, channel by channel. */
class OutputCaptureTest {

    @Test
    void capturesJulLog4jAndStandardStreamsUntilClosed() {
        String text;
        try (OutputCapture capture = OutputCapture.start()) {
            Logger.getLogger("capture.test").warning("jul-line-7f3a");
            LogManager.getLogger("capture.test").error("log4j-line-{}", "51c2");
            System.out.println("stdout-line-9e0d");
            System.err.print("stderr-without-newline-2b6c");
            text = capture.text();

            assertThat(capture.sources()).contains("java.util.logging", "Log4j", "System.out", "System.err");
        }
        assertThat(text).contains("jul-line-7f3a", "log4j-line-51c2", "stdout-line-9e0d", "stderr-without-newline-2b6c");
    }

    @Test
    void capturesNothingAfterItIsClosed() {
        OutputCapture capture = OutputCapture.start();
        capture.close();
        Logger.getLogger("capture.test").warning("after-close-4d1e");
        System.out.println("after-close-4d1e");

        assertThat(capture.text()).doesNotContain("after-close-4d1e");
    }
}
