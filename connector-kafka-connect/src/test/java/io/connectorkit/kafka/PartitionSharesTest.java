package io.connectorkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.Partition;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PartitionSharesTest {
    private static List<Partition> partitions(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Partition("m" + i + "@example.com", "M " + i,
                Map.of("domain", "example.com"))).toList();
    }

    @Test
    void sharesDifferByAtMostOnePartitionAndEveryPartitionHasOneTask() {
        List<List<Partition>> shares = PartitionShares.spread(partitions(5), 2);
        assertThat(shares).extracting(List::size).containsExactly(3, 2);
        assertThat(shares.stream().flatMap(List::stream).map(Partition::id)).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void noTaskIsLeftWithoutAPartition() {
        assertThat(PartitionShares.spread(partitions(3), 8)).hasSize(3).allSatisfy(s -> assertThat(s).hasSize(1));
        assertThat(PartitionShares.spread(List.of(), 4)).hasSize(1).allSatisfy(s -> assertThat(s).isEmpty());
    }

    @Test
    void aShareTravelsInATaskConfigurationUnchanged() {
        List<Partition> share = partitions(3);
        assertThat(PartitionShares.decode(PartitionShares.encode(share))).isEqualTo(share);
    }
}
