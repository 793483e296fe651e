package com.luckify.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After every integration test class, whatever it did: each wish-value balance equals the sum of its
 * ledger, and each comment's like count equals its likes. Run after the last class, this is the check
 * "after all tests".
 */
public final class DatabaseInvariants implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        JdbcTemplate jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("""
                SELECT COALESCE(i.user_id, r.user_id) FROM integral i
                LEFT JOIN (SELECT user_id, SUM(integral) AS total FROM integral_record GROUP BY user_id) r
                  ON r.user_id = i.user_id
                WHERE i.integral <> COALESCE(r.total, 0)
                UNION
                SELECT r.user_id FROM integral_record r LEFT JOIN integral i ON i.user_id = r.user_id
                WHERE i.user_id IS NULL
                """, Long.class)).as("users whose balance differs from their ledger").isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT c.id FROM `comment` c
                LEFT JOIN (SELECT comment_id, COUNT(*) AS likes FROM praise GROUP BY comment_id) p ON p.comment_id = c.id
                WHERE c.praise_count <> COALESCE(p.likes, 0)
                """, Long.class)).as("comments whose like count differs from their likes").isEmpty();
    }
}
