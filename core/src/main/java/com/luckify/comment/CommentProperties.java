package com.luckify.comment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code luckify.comment.*}: words that send a comment to review (besides the {@code sensitive_word} table
 * the admin console edits, re-read every {@code sensitive-words-reload}), whether WeChat's content-security
 * check is asked too, and the picture limit.
 */
@ConfigurationProperties("luckify.comment")
record CommentProperties(
        @DefaultValue List<String> sensitiveWords,
        @DefaultValue("30s") Duration sensitiveWordsReload,
        @DefaultValue("false") boolean wechatCheck,
        @DefaultValue("9") int maxPics) {
}
