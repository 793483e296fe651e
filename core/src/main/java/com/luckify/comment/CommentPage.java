package com.luckify.comment;

import java.util.List;

/** One page of a comment list and the cursor that continues after its last item ("" after the last page). */
public record CommentPage(List<CommentItem> items, String nextCursor) {
}
