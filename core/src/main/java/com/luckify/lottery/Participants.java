package com.luckify.lottery;

import com.luckify.user.PublicUser;
import java.util.List;

/** One page of a lottery's participants (in joining order) and their total. */
public record Participants(long count, List<PublicUser> users) {
}
