package com.luckify.web.comment;

import com.luckify.comment.CommentPage;
import com.luckify.comment.CommentQuery;
import com.luckify.comment.CommentService;
import com.luckify.comment.PraiseResult;
import com.luckify.web.comment.CommentRequests.CommentAddReq;
import com.luckify.web.comment.CommentRequests.CommentListReq;
import com.luckify.web.comment.CommentRequests.CommentUpdateReq;
import com.luckify.web.comment.CommentRequests.IdReq;
import com.luckify.web.comment.CommentResponses.AddCommentResp;
import com.luckify.web.comment.CommentResponses.CommentDetailResp;
import com.luckify.web.comment.CommentResponses.CommentListItem;
import com.luckify.web.comment.CommentResponses.CommentListResp;
import com.luckify.web.comment.CommentResponses.CommentView;
import com.luckify.web.comment.CommentResponses.GetCommentLastIdResp;
import com.luckify.web.comment.CommentResponses.PraiseResp;
import com.luckify.web.comment.CommentResponses.UpdateCommentResp;
import com.luckify.web.security.CurrentUserId;
import com.luckify.web.support.ApiRateLimits;
import com.luckify.web.support.ApiRateLimits.Write;
import com.luckify.web.support.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Prize shows (晒单) and likes. */
@Tag(name = "comment")
@RestController
@RequestMapping("/comment/v1/comment")
class CommentController {

    private final CommentService comments;
    private final ApiRateLimits rateLimits;

    CommentController(CommentService comments, ApiRateLimits rateLimits) {
        this.comments = comments;
        this.rateLimits = rateLimits;
    }

    @PostMapping("/addComment")
    ApiResponse<AddCommentResp> add(@CurrentUserId long userId, @Valid @RequestBody CommentAddReq req,
            HttpServletRequest request) {
        rateLimits.write(Write.COMMENT, userId, request);
        return ApiResponse.ok(AddCommentResp.of(comments.add(userId, req.lotteryId(), req.draft())));
    }

    @PostMapping("/updateComment")
    ApiResponse<UpdateCommentResp> update(@CurrentUserId long userId, @Valid @RequestBody CommentUpdateReq req,
            HttpServletRequest request) {
        rateLimits.write(Write.COMMENT, userId, request);
        return ApiResponse.ok(new UpdateCommentResp(comments.update(userId, req.id(), req.draft()).moderationState()
                .name()));
    }

    @PostMapping("/deleteComment")
    ApiResponse<Void> delete(@CurrentUserId long userId, @Valid @RequestBody IdReq req, HttpServletRequest request) {
        rateLimits.write(Write.COMMENT, userId, request);
        comments.deleteByAuthor(userId, req.id());
        return ApiResponse.ok(null);
    }

    @PostMapping("/commentPraise")
    ApiResponse<PraiseResp> praise(@CurrentUserId long userId, @Valid @RequestBody IdReq req, HttpServletRequest request) {
        rateLimits.write(Write.LIKE, userId, request);
        PraiseResult result = comments.togglePraise(userId, req.id());
        return ApiResponse.ok(new PraiseResp(result.praised() ? 1 : 0, result.praiseCount()));
    }

    @PostMapping("/getCommentList")
    ApiResponse<CommentListResp> list(@CurrentUserId long userId, @Valid @RequestBody CommentListReq req) {
        CommentPage page = comments.list(new CommentQuery(userId, req.lastId(), req.cursor(), req.pageSize(),
                req.sort() != 0, req.lotteryId() == null ? 0 : req.lotteryId()));
        return ApiResponse.ok(new CommentListResp(page.items().stream().map(CommentListItem::of).toList(),
                page.nextCursor()));
    }

    @GetMapping("/getCommentList")
    ApiResponse<CommentListResp> listByGet(@CurrentUserId long userId, @Valid CommentListReq req) {
        return list(userId, req);
    }

    @PostMapping("/getCommentDetail")
    ApiResponse<CommentDetailResp> detail(@Valid @RequestBody IdReq req, HttpServletRequest request) {
        rateLimits.publicRead(request);
        return ApiResponse.ok(new CommentDetailResp(CommentView.of(comments.detail(req.id()))));
    }

    @GetMapping("/getCommentDetail")
    ApiResponse<CommentDetailResp> detailByGet(@Valid IdReq req, HttpServletRequest request) {
        return detail(req, request);
    }

    @PostMapping("/getLastId")
    ApiResponse<GetCommentLastIdResp> lastId(HttpServletRequest request) {
        rateLimits.publicRead(request);
        return ApiResponse.ok(new GetCommentLastIdResp(comments.lastId()));
    }

    @GetMapping("/getLastId")
    ApiResponse<GetCommentLastIdResp> lastIdByGet(HttpServletRequest request) {
        return lastId(request);
    }
}
