package com.luckify.web.sponsor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.luckify.sponsor.Sponsor;
import java.util.List;

/** Response bodies of the sponsor endpoints (usercenter naming: snake-case {@code qr_code}). */
final class SponsorResponses {

    private SponsorResponses() {
    }

    record CreateSponsorResp(long id) {
    }

    record SponsorListResp(List<SponsorItem> list) {
    }

    record SponsorItem(long id, long userId, int type, int appletType, int isShow, String name, String desc,
            String avatar, @JsonProperty("qr_code") String qrCode, String inputA, String inputB) {

        static SponsorItem of(Sponsor s) {
            return new SponsorItem(s.id(), s.userId(), s.type(), s.appletType(), s.isShow(), s.name(), s.desc(),
                    s.avatar(), s.qrCode(), s.inputA(), s.inputB());
        }
    }
}
