package com.luckify.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntrySizeTest {

    /** Private, as the cached records of a feature's service are. */
    private record Page(long id, String title, String introduce, Instant time, List<Page> children) {
    }

    @Test
    void aRecordWeighsAtLeastItsTextAtTwoBytesACharacter() {
        Page page = new Page(1, "标题", "详".repeat(2_000), Instant.EPOCH, List.of());

        assertThat(EntrySize.of(page)).isBetween(4_000L + 4L, 4_000L + 400L);
    }

    @Test
    void collectionsWeighTheirItemsAndNestedRecordsAreFollowed() {
        Page child = new Page(2, "子", "x".repeat(1_000), null, List.of());
        List<Page> pages = Collections.nCopies(20, new Page(1, "页", "y".repeat(1_000), Instant.EPOCH, List.of(child)));

        assertThat(EntrySize.of(pages)).isGreaterThan(20 * 4_000L);
        assertThat(EntrySize.of(Map.of("k", "v".repeat(500)))).isGreaterThan(1_000L);
        assertThat(EntrySize.of(new long[200])).isGreaterThanOrEqualTo(1_600L);
    }

    @Test
    void nothingWeighsNothingAndSmallValuesLittle() {
        assertThat(EntrySize.of(null)).isZero();
        assertThat(EntrySize.of(42L)).isLessThan(64L);
        assertThat(EntrySize.of(new Object())).isLessThan(64L);
    }
}
