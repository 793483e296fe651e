package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.points.PointsLedger;
import com.luckify.points.PointsReason;
import com.luckify.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The helper every feature pays and charges wish value with. */
class PointsLedgerIT extends IntegrationTest {

    @Autowired
    PointsLedger ledger;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aBusinessFactIsPaidOnce() {
        long userId = userIdOf(newUserToken());

        assertThat(ledger.post(userId, 30, PointsReason.ADMIN_ADJUST, "TEST:" + userId + ":welcome")).isEqualTo(30);
        assertThatThrownBy(() -> ledger.post(userId, 30, PointsReason.ADMIN_ADJUST, "TEST:" + userId + ":welcome"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.POINTS_ALREADY_POSTED));

        assertThat(ledger.balance(userId)).as("the replay rolled its balance change back").isEqualTo(30);
        assertThat(ledger.isPosted("TEST:" + userId + ":welcome")).isTrue();
        assertThat(entries(userId)).isEqualTo(1);
    }

    @Test
    void spendingIsRefusedBeyondTheBalanceAndRecordedOtherwise() {
        long userId = userIdOf(newUserToken());
        ledger.post(userId, 20, PointsReason.ADMIN_ADJUST, "TEST:" + userId + ":grant");

        assertThatThrownBy(() -> ledger.post(userId, -21, PointsReason.SPEND, "TEST:" + userId + ":too-much"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.POINTS_INSUFFICIENT));
        assertThat(ledger.post(userId, -15, PointsReason.SPEND, "TEST:" + userId + ":spend")).isEqualTo(5);

        Map<String, Object> last = jdbc.queryForMap("SELECT integral, balance_after, reason, content FROM integral_record "
                + "WHERE user_id = ? ORDER BY id DESC LIMIT 1", userId);
        assertThat(last).containsEntry("integral", -15L).containsEntry("balance_after", 5L)
                .containsEntry("reason", "SPEND").containsEntry("content", "心愿值消费");
        assertThat(entries(userId)).isEqualTo(2);
    }

    @Test
    void aGrantRollsBackWithTheTransactionItBelongsTo() {
        long userId = userIdOf(newUserToken());

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            ledger.post(userId, 50, PointsReason.ADMIN_ADJUST, "TEST:" + userId + ":rolled-back");
            throw new IllegalStateException("the business change failed after the grant");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(ledger.balance(userId)).isZero();
        assertThat(entries(userId)).isZero();
    }

    private long entries(long userId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM integral_record WHERE user_id = ?", Long.class, userId);
    }
}
