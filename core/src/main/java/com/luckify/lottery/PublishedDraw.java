package com.luckify.lottery;

import com.luckify.draw.Award;
import java.util.List;

/**
 * Everything Luckify publishes about one lottery's draw, for the public verify page: the proof (seed hash; once
 * drawn the seed, digest and count), the prizes with their {@code count} (the draw's units), and the winners as
 * recorded, each with the prize they won.
 *
 * @param winners in prize unit order (level, then prize id) and, within a prize, by user id: the places within
 *     one prize are not recorded, and need not be, its units being alike
 */
public record PublishedDraw(long lotteryId, String lotteryName, boolean instant, boolean cancelled, List<Prize> prizes,
        DrawProof proof, List<Award> winners, boolean tooLargeForPage) {
}
