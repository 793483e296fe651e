/**
 * Sponsors (赞助商) that users attach to their lotteries. Public API: {@link com.luckify.sponsor.SponsorService},
 * the {@link com.luckify.sponsor.Sponsor} records, and {@link com.luckify.sponsor.SponsorUsage}, which the
 * lottery feature implements so that a sponsor of a live lottery cannot be deleted.
 */
package com.luckify.sponsor;
