package com.luckify.comment;

import java.time.Instant;

public record SensitiveWord(long id, String word, boolean enabled, Instant createTime) {
}
