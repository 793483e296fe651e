package com.luckify.comment;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The sensitive-word filter: the enabled words of {@code sensitive_word} plus the configured ones, matched
 * without regard to case or to spaces put between the letters. Re-read every
 * {@code luckify.comment.sensitive-words-reload} (30 s by default) so that the moderators' edits apply
 * without a restart.
 */
@Component
class SensitiveWords {

    private static final Object ALL = new Object();

    private final LoadingCache<Object, List<String>> words;

    SensitiveWords(CommentMapper comments, CommentProperties properties) {
        this.words = Caffeine.newBuilder().expireAfterWrite(properties.sensitiveWordsReload()).build(key -> {
            Set<String> all = new LinkedHashSet<>();
            properties.sensitiveWords().forEach(word -> all.add(normalize(word)));
            comments.enabledSensitiveWords().forEach(word -> all.add(normalize(word)));
            all.remove("");
            return List.copyOf(all);
        });
    }

    /** The first listed word the text contains, if any. */
    Optional<String> firstIn(String text) {
        String normalized = normalize(text);
        return words.get(ALL).stream().filter(normalized::contains).findFirst();
    }

    private static String normalize(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
