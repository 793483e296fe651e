package com.luckify.lottery;

/** Where a winner wants the prize sent. */
public record ClaimContact(String name, String mobile, String address) {
}
