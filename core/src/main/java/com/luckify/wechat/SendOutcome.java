package com.luckify.wechat;

/** What became of a message to WeChat: sent, worth another try later, or refused for good. */
public record SendOutcome(boolean sent, boolean retryable, String error) {

    static SendOutcome delivered() {
        return new SendOutcome(true, false, null);
    }

    static SendOutcome retryable(String error) {
        return new SendOutcome(false, true, error);
    }

    static SendOutcome refused(String error) {
        return new SendOutcome(false, false, error);
    }
}
