package com.luckify.sponsor;

/** A sponsor as the mini-program shows it. */
public record Sponsor(
        long id,
        long userId,
        int type,
        int appletType,
        int isShow,
        String name,
        String desc,
        String avatar,
        String qrCode,
        String inputA,
        String inputB) {
}
