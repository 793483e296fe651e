package com.luckify.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import org.junit.jupiter.api.Test;

class CommentCursorTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @Test
    void aSnapshotCursorWithLargeNumbersReadsBackAsWritten() {
        String written = CommentCursor.inSnapshot(TOKEN, 999, new RankedComment(Long.MAX_VALUE / 10, 999_999_999));

        CommentCursor read = CommentCursor.parse(written, 0, true, null);

        assertThat(written.length()).as("fits the request limit").isLessThanOrEqualTo(80);
        assertThat(read).isEqualTo(new CommentCursor(TOKEN, 999, 999_999_999, Long.MAX_VALUE / 10));
    }

    @Test
    void keysetAndNewestCursorsReadBack() {
        assertThat(CommentCursor.parse(CommentCursor.keyset(7, 123_456_789_012L), 0, true, null))
                .isEqualTo(new CommentCursor(null, 0, 7, 123_456_789_012L));
        assertThat(CommentCursor.parse(CommentCursor.newest(42), 0, false, null))
                .isEqualTo(new CommentCursor(null, 0, null, 42));
        assertThat(CommentCursor.parse(null, 0, true, null).isTop()).isTrue();
        assertThat(CommentCursor.parse("  ", -5, false, null).isTop()).isTrue();
    }

    @Test
    void aCursorTheServerDidNotGiveIsAParameterError() {
        for (String forged : new String[] {"abc", "-1_5", "s" + TOKEN + ".1.2", "1_2_3", "99999999999_1"}) {
            assertThatThrownBy(() -> CommentCursor.parse(forged, 0, true, null)).as(forged)
                    .isInstanceOfSatisfying(BusinessException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REQUEST_PARAM_ERROR));
        }
        assertThatThrownBy(() -> CommentCursor.parse("12x", 0, false, null)).isInstanceOf(BusinessException.class);
    }
}
