package com.luckify.wechat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker (Resilience4j) around one WeChat API. While WeChat keeps failing, every login or comment would
 * otherwise wait for its timeout and hold a request thread meanwhile; an open circuit answers at once, as WeChat's
 * failure would, and tries WeChat again after a while. Failures are WeChat's: no answer in time, a broken
 * connection, "system busy" and the quota errors. WeChat refusing what it was given (a used log-in code, risky
 * text, no consent) is an answer, and counts as a success.
 */
final class WeChatCircuit {

    private static final Logger log = LoggerFactory.getLogger(WeChatCircuit.class);
    /** -1 system busy; 45009 daily quota spent; 45011 minute quota spent. */
    private static final Set<Integer> WECHAT_FAULTS = Set.of(-1, 45009, 45011);

    private final CircuitBreaker breaker;

    WeChatCircuit(String api, WeChatProperties.CircuitBreaker settings) {
        this.breaker = CircuitBreaker.of("wechat-" + api, CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .build());
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("WeChat {} circuit: {}", api, event.getStateTransition()));
    }

    /** Calls WeChat, or throws {@link Open} at once while the circuit is open. */
    <T> T call(WeChatCall<T> call) throws WxErrorException {
        if (!breaker.tryAcquirePermission()) {
            throw new Open();
        }
        long start = System.nanoTime();
        try {
            T answer = call.call();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return answer;
        } catch (WxErrorException e) {
            if (isWeChatFault(e.getError().getErrorCode())) {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            } else {
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            throw e;
        } catch (RuntimeException | Error e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    /** WeChat's own trouble (busy, a quota spent), as opposed to its refusal of what it was given. */
    static boolean isWeChatFault(int errcode) {
        return WECHAT_FAULTS.contains(errcode);
    }

    /** One call of the SDK. */
    interface WeChatCall<T> {
        T call() throws WxErrorException;
    }

    /** The circuit is open: WeChat was not called. */
    static final class Open extends RuntimeException {

        Open() {
            super("WeChat circuit open", null, false, false);
        }
    }
}
