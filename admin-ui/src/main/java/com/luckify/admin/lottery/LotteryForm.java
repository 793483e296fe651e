package com.luckify.admin.lottery;

import com.luckify.lottery.ClockTask;
import com.luckify.lottery.ClockTaskDraft;
import com.luckify.lottery.Lottery;
import com.luckify.lottery.LotteryDetail;
import com.luckify.lottery.LotteryDraft;
import com.luckify.lottery.Prize;
import com.luckify.lottery.PrizeDraft;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The create form as the browser posts it (times are local to the business time zone, odds in percent). {@link
 * #errors} checks what the page can say field by field; the lottery feature checks the rest again.
 */
public class LotteryForm {

    /** Set when the form edits a draft; null for a new lottery. */
    private Long lotteryId;
    private Long ownerId;
    private String name = "";
    private String thumb = "";
    private String introduce = "";
    private int announceType = 1;
    // what a datetime-local input sends and shows: 2026-11-24T20:00
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime announceTime;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime awardDeadline;
    private int joinNumber;
    private Long sponsorId;
    private boolean publish = true;
    private List<PrizeRow> prizes = new ArrayList<>(List.of(new PrizeRow()));
    private boolean clockTask;
    private int clockType = 1;
    private int clockSeconds = 10;
    private String clockCopywriting = "";
    private int clockIncreaseMultiple = 2;

    /** The form filled in with a draft's current terms. */
    static LotteryForm of(LotteryDetail detail, ZoneId zone) {
        Lottery lottery = detail.lottery();
        LotteryForm form = new LotteryForm();
        form.lotteryId = lottery.id();
        form.ownerId = lottery.userId();
        form.name = lottery.name();
        form.thumb = lottery.thumb();
        form.introduce = lottery.introduce();
        form.announceType = lottery.announceType();
        form.announceTime = LocalDateTime.ofInstant(lottery.announceTime(), zone);
        form.awardDeadline = LocalDateTime.ofInstant(lottery.awardDeadline(), zone);
        form.joinNumber = lottery.joinNumber();
        form.sponsorId = lottery.sponsorId();
        form.publish = false;
        form.prizes = new ArrayList<>(detail.prizes().stream().map(PrizeRow::of).toList());
        ClockTask task = detail.clockTask();
        if (task != null) {
            form.clockTask = true;
            form.clockType = task.type();
            form.clockSeconds = task.seconds();
            form.clockCopywriting = task.copywriting();
            form.clockIncreaseMultiple = task.increaseMultiple();
        }
        return form;
    }

    /** Field name to message key; empty when the form may be submitted to the feature. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (ownerId == null || ownerId <= 0) {
            errors.put("ownerId", "form.required");
        }
        if (name == null || name.isBlank()) {
            errors.put("name", "form.required");
        } else if (name.strip().length() > 50) {
            errors.put("name", "form.too-long");
        }
        if (introduce != null && introduce.length() > 2000) {
            errors.put("introduce", "form.too-long");
        }
        if (announceType < 1 || announceType > 3) {
            errors.put("announceType", "form.invalid");
        }
        if (announceTime == null) {
            errors.put("announceTime", "form.required");
        }
        if (awardDeadline == null) {
            errors.put("awardDeadline", "form.required");
        }
        if (announceTime != null && awardDeadline != null && !announceTime.isBefore(awardDeadline)) {
            errors.put("awardDeadline", "form.deadline-after-announce");
        }
        if (announceType == 2 && joinNumber <= 0) {
            errors.put("joinNumber", "form.join-number");
        }
        if (prizes == null || prizes.isEmpty()) {
            errors.put("prizes", "form.prize-required");
        } else {
            for (int i = 0; i < prizes.size(); i++) {
                PrizeRow prize = prizes.get(i);
                if (prize.getName() == null || prize.getName().isBlank() || prize.getName().strip().length() > 50) {
                    errors.put("prizes[" + i + "].name", "form.prize-name");
                }
                if (prize.getCount() <= 0) {
                    errors.put("prizes[" + i + "].count", "form.positive");
                }
                if (prize.getOddsPercent() != null && (prize.getOddsPercent() < 0 || prize.getOddsPercent() > 100)) {
                    errors.put("prizes[" + i + "].oddsPercent", "form.odds");
                }
            }
        }
        return errors;
    }

    LotteryDraft toDraft(ZoneId zone) {
        List<PrizeDraft> prizeDrafts = prizes.stream().map(prize -> new PrizeDraft(prize.getType(), prize.getName().strip(),
                prize.getCount(), "", prize.getLevel(), prize.getGrantType(),
                prize.getOddsPercent() == null ? null : (int) Math.round(prize.getOddsPercent() * 10_000))).toList();
        ClockTaskDraft task = clockTask ? new ClockTaskDraft(clockType, clockSeconds, 0, "", "", "", "", "", "", "",
                clockCopywriting == null ? "" : clockCopywriting.strip(), 1, clockIncreaseMultiple) : null;
        return new LotteryDraft(name.strip(), thumb == null ? "" : thumb.strip(), announceType,
                announceTime.atZone(zone).toInstant(), announceType == 2 ? joinNumber : 0,
                introduce == null ? "" : introduce.strip(), awardDeadline.atZone(zone).toInstant(), sponsorId,
                prizeDrafts, task, publish);
    }

    /** One prize line of the form. */
    public static class PrizeRow {

        private String name = "";
        private int level = 1;
        private int count = 1;
        private int type = 1;
        private int grantType = 1;
        private Double oddsPercent;

        static PrizeRow of(Prize prize) {
            PrizeRow row = new PrizeRow();
            row.name = prize.name();
            row.level = prize.level();
            row.count = prize.count();
            row.type = prize.type();
            row.grantType = prize.grantType();
            row.oddsPercent = prize.winProbabilityPpm() / 10_000.0;
            return row;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getLevel() {
            return level;
        }

        public void setLevel(int level) {
            this.level = level;
        }

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }

        public int getType() {
            return type;
        }

        public void setType(int type) {
            this.type = type;
        }

        public int getGrantType() {
            return grantType;
        }

        public void setGrantType(int grantType) {
            this.grantType = grantType;
        }

        public Double getOddsPercent() {
            return oddsPercent;
        }

        public void setOddsPercent(Double oddsPercent) {
            this.oddsPercent = oddsPercent;
        }
    }

    public Long getLotteryId() {
        return lotteryId;
    }

    public void setLotteryId(Long lotteryId) {
        this.lotteryId = lotteryId;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(Long ownerId) {
        this.ownerId = ownerId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getThumb() {
        return thumb;
    }

    public void setThumb(String thumb) {
        this.thumb = thumb;
    }

    public String getIntroduce() {
        return introduce;
    }

    public void setIntroduce(String introduce) {
        this.introduce = introduce;
    }

    public int getAnnounceType() {
        return announceType;
    }

    public void setAnnounceType(int announceType) {
        this.announceType = announceType;
    }

    public LocalDateTime getAnnounceTime() {
        return announceTime;
    }

    public void setAnnounceTime(LocalDateTime announceTime) {
        this.announceTime = announceTime;
    }

    public LocalDateTime getAwardDeadline() {
        return awardDeadline;
    }

    public void setAwardDeadline(LocalDateTime awardDeadline) {
        this.awardDeadline = awardDeadline;
    }

    public int getJoinNumber() {
        return joinNumber;
    }

    public void setJoinNumber(int joinNumber) {
        this.joinNumber = joinNumber;
    }

    public Long getSponsorId() {
        return sponsorId;
    }

    public void setSponsorId(Long sponsorId) {
        this.sponsorId = sponsorId;
    }

    public boolean isPublish() {
        return publish;
    }

    public void setPublish(boolean publish) {
        this.publish = publish;
    }

    public List<PrizeRow> getPrizes() {
        return prizes;
    }

    public void setPrizes(List<PrizeRow> prizes) {
        this.prizes = prizes;
    }

    public boolean isClockTask() {
        return clockTask;
    }

    public void setClockTask(boolean clockTask) {
        this.clockTask = clockTask;
    }

    public int getClockType() {
        return clockType;
    }

    public void setClockType(int clockType) {
        this.clockType = clockType;
    }

    public int getClockSeconds() {
        return clockSeconds;
    }

    public void setClockSeconds(int clockSeconds) {
        this.clockSeconds = clockSeconds;
    }

    public String getClockCopywriting() {
        return clockCopywriting;
    }

    public void setClockCopywriting(String clockCopywriting) {
        this.clockCopywriting = clockCopywriting;
    }

    public int getClockIncreaseMultiple() {
        return clockIncreaseMultiple;
    }

    public void setClockIncreaseMultiple(int clockIncreaseMultiple) {
        this.clockIncreaseMultiple = clockIncreaseMultiple;
    }
}
