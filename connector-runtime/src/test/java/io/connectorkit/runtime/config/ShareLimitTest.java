package io.connectorkit.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShareLimitTest {
    @Test
    void exactlyTheShareMayGoAndOneMoreIsRefused() {
        ShareLimit half = new ShareLimit("crawl.sweep.max-share", 0.5);
        assertThat(half.refuses(1, 2)).isFalse();
        assertThat(half.refuses(11, 22)).isFalse();
        assertThat(half.refuses(12, 22)).isTrue();
        assertThat(half.refuses(2, 2)).isTrue();
    }

    @Test
    void aShareThatIsNotExactInBinaryStillMeetsItsLimitExactly() {
        ShareLimit limit = new ShareLimit("crawl.deletions.max-share", 0.3);
        assertThat(limit.refuses(3, 10)).isFalse();
        assertThat(limit.refuses(30, 100)).isFalse();
        assertThat(limit.refuses(31, 100)).isTrue();
        assertThat(new ShareLimit("k", 0.7).refuses(7, 10)).isFalse();
    }

    @Test
    void zeroRefusesAnyDeletionAndOneNone() {
        assertThat(new ShareLimit("k", 0).refuses(1, 1_000_000)).isTrue();
        assertThat(new ShareLimit("k", 0).refuses(0, 10)).isFalse();
        assertThat(new ShareLimit("k", 1).refuses(10, 10)).isFalse();
        assertThatThrownBy(() -> new ShareLimit("k", 1.5)).hasMessageContaining("k must be from 0 to 1");
    }

    @Test
    void namesItsKeyAndValue() {
        ShareLimit limit = new ShareLimit("crawl.sweep.max-share", 0.5);
        assertThat(limit.setting()).isEqualTo("crawl.sweep.max-share = 0.5");
        assertThat(ShareLimit.percent(16, 22)).isEqualTo("73%");
    }
}
