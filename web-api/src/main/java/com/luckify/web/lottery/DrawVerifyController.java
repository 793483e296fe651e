package com.luckify.web.lottery;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.lottery.PublishedDraws;
import com.luckify.web.support.ApiRateLimits;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public page on which anyone checks a draw without building Luckify: server-rendered with what is published
 * (seed, hash, digest, prizes, recorded winners), recomputed in the browser by {@code draw-verifier.js}, which
 * fetches the participant list from {@code drawParticipants}. No token: the API's public endpoints.
 */
@Hidden
@Controller
class DrawVerifyController {

    /** The page's path; the lottery detail links it as {@code draw.verifyUrl}. */
    static final String PATH = "/lottery/verify/";

    // only the page's own script and stylesheet; the script needs nothing but this origin's participant list
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final PublishedDraws draws;
    private final ApiRateLimits rateLimits;

    DrawVerifyController(PublishedDraws draws, ApiRateLimits rateLimits) {
        this.draws = draws;
        this.rateLimits = rateLimits;
    }

    static String urlOf(long lotteryId) {
        return PATH + lotteryId;
    }

    // digits only, so that the script and stylesheet beside it (/lottery/verify/*.js) stay static resources
    @GetMapping(PATH + "{lotteryId:\\d+}")
    String page(@PathVariable long lotteryId, Model model, HttpServletRequest request, HttpServletResponse response) {
        rateLimits.publicRead(request);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        try {
            model.addAttribute("page", DrawVerifyPage.of(draws.of(lotteryId)));
        } catch (BusinessException e) {
            if (e.errorCode() != ErrorCode.LOTTERY_NOT_FOUND) {
                throw e;
            }
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("missing", lotteryId);
        }
        return "lottery/verify";
    }
}
