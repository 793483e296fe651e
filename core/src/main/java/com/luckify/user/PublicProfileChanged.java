package com.luckify.user;

/**
 * A user's nickname or avatar changed (published as a Spring application event once it is stored), so that
 * whatever shows them beside other content, such as cached comment pages, can stop showing the old ones.
 */
public record PublicProfileChanged(long userId) {
}
