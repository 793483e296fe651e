package com.luckify.sponsor;

/**
 * The fields a caller sets on a sponsor. On update a {@code null} keeps the stored value; strings other
 * than the name may be cleared with an empty string. Validation of ranges and lengths happens at the edge.
 */
public record SponsorDraft(
        Integer type,
        Integer appletType,
        Integer isShow,
        String name,
        String desc,
        String avatar,
        String qrCode,
        String inputA,
        String inputB) {
}
