package com.luckify.sponsor;

/** Insert target; MyBatis writes the generated key back into {@code id}. */
final class NewSponsorRow {

    Long id;
    final long userId;
    final SponsorDraft draft;

    NewSponsorRow(long userId, SponsorDraft draft) {
        this.userId = userId;
        this.draft = draft;
    }
}
