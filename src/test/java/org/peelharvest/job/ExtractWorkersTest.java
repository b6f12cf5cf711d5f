package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many threads the extract step runs (issue 18): peel.threads where set, else one a core, one more in a short run. */
class ExtractWorkersTest {

    @Test
    void oneACoreByDefault() {
        assertThat(ExtractJobConfiguration.workers(0, 2, false)).isEqualTo(2);
        assertThat(ExtractJobConfiguration.workers(0, 8, false)).isEqualTo(8);
    }

    @Test
    void aShortRunReadsOneDocumentMoreThanThereAreCores() {
        assertThat(ExtractJobConfiguration.workers(0, 2, true)).isEqualTo(3);
        assertThat(ExtractJobConfiguration.workers(0, 1, true)).isEqualTo(2);
    }

    @Test
    void peelThreadsWinsWhereSet() {
        assertThat(ExtractJobConfiguration.workers(1, 8, true)).isEqualTo(1);
        assertThat(ExtractJobConfiguration.workers(5, 2, false)).isEqualTo(5);
    }
}
