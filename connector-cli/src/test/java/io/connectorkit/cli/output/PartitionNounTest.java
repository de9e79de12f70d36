package io.connectorkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionNounTest {
    @Test
    void pluralsFollowEnglishSpelling() {
        assertThat(PartitionNoun.of("mailbox").many()).isEqualTo("mailboxes");
        assertThat(PartitionNoun.of("folder").many()).isEqualTo("folders");
        assertThat(PartitionNoun.of("library").many()).isEqualTo("libraries");
        assertThat(PartitionNoun.of("day").many()).isEqualTo("days");
        assertThat(PartitionNoun.of("branch").many()).isEqualTo("branches");
        assertThat(PartitionNoun.DEFAULT).isEqualTo(new PartitionNoun("partition", "partitions"));
    }

    @Test
    void aCountOfOneTakesTheSingular() {
        PartitionNoun noun = PartitionNoun.of("Mailbox");
        assertThat(noun.count(1)).isEqualTo("mailbox");
        assertThat(noun.count(0)).isEqualTo("mailboxes");
        assertThat(noun.count(3)).isEqualTo("mailboxes");
    }
}
