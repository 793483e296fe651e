package com.luckify.user;

import com.luckify.common.PeriodicRead;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each process reads of the users' state again and again, so that a request's token and blacklist checks ask
 * no database: the token revocations since the last read, and the bans in force.
 */
@Configuration(proxyBeanMethods = false)
class UserStateReads {

    @Bean
    PeriodicRead tokenRevocationsRead(RecentRevocations revocations,
            @Value("${luckify.jwt.revocation-poll:250ms}") Duration interval) {
        return new PeriodicRead("token revocations", interval, revocations::pollNow);
    }

    @Bean
    PeriodicRead bansInForceRead(BlacklistStatus blacklist,
            @Value("${luckify.user.blacklist-check.cache:2s}") Duration interval) {
        return new PeriodicRead("bans in force", interval, blacklist::refresh);
    }
}
