package com.luckify.lottery;

import java.util.Map;

/** Redis's view of an instant lottery: whether it is ready, stock per prize id, how many entered. */
public record InstantHotState(boolean ready, Map<Long, Integer> stock, int entrants) {
}
