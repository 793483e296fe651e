package com.luckify.wechat;

/**
 * A mobile number WeChat verified for the user (the answer of {@code getuserphonenumber}): {@code countryCode}
 * without "+", {@code purePhoneNumber} without it.
 */
public record WeChatPhone(String countryCode, String purePhoneNumber) {

    private static final String MAINLAND = "86";

    /**
     * The number as accounts store it: a mainland number as its 11 digits, the form registration takes and log-in
     * looks up; any other as {@code +<country code><number>}, so it can never equal a mainland one.
     */
    public String mobile() {
        return MAINLAND.equals(countryCode) ? purePhoneNumber : "+" + countryCode + purePhoneNumber;
    }
}
