package com.luckify.comment;

import com.luckify.user.UserService;
import com.luckify.wechat.TextVerdict;
import com.luckify.wechat.WeChatClient;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides whether a new or edited comment is shown at once or waits for a moderator: a sensitive word, or a
 * WeChat content-security verdict other than "pass" (when that check is on, including when WeChat cannot
 * be reached), sends it to review.
 */
@Component
class CommentModerator {

    private final SensitiveWords sensitiveWords;
    private final WeChatClient weChat;
    private final UserService users;
    private final CommentProperties properties;

    CommentModerator(SensitiveWords sensitiveWords, WeChatClient weChat, UserService users, CommentProperties properties) {
        this.sensitiveWords = sensitiveWords;
        this.weChat = weChat;
        this.users = users;
        this.properties = properties;
    }

    Verdict judge(long authorId, CommentDraft draft) {
        String text = draft.prizeName() + "\n" + draft.content();
        Optional<String> word = sensitiveWords.firstIn(text);
        if (word.isPresent()) {
            return new Verdict(ModerationState.PENDING, "sensitive word: " + word.get());
        }
        if (properties.wechatCheck()) {
            TextVerdict verdict = weChat.checkText(text, users.weChatOpenId(authorId).orElse(null));
            if (verdict != TextVerdict.PASS) {
                return new Verdict(ModerationState.PENDING, "wechat content check: " + verdict.name().toLowerCase(Locale.ROOT));
            }
        }
        return new Verdict(ModerationState.VISIBLE, null);
    }

    record Verdict(ModerationState state, String reason) {
    }
}
