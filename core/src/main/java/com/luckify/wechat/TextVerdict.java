package com.luckify.wechat;

/** WeChat's content-security answer for a text: publishable, to be reviewed, risky, or no answer. */
public enum TextVerdict {
    PASS,
    REVIEW,
    RISKY,
    UNAVAILABLE
}
