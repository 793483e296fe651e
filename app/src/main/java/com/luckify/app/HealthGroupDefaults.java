package com.luckify.app;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What the probes ask, as defaults below every other source (application.yml, environment variables and the
 * command line can still set {@code management.endpoint.health.group.*}). Registered in
 * {@code META-INF/spring.factories}.
 *
 * <ul>
 * <li><b>Liveness</b> ({@code /actuator/health/liveness}): the process's own state only, never MySQL or Redis. A
 * restart cures neither server, and a liveness that followed a shared server would make every replica restart at
 * once when it blinks, and keep restarting while it is away.</li>
 * <li><b>Readiness</b> ({@code /actuator/health/readiness}): the process's state and <b>MySQL</b> ({@code db}). MySQL
 * holds every user, lottery and entry: a replica that cannot reach it could answer little but the lists it
 * happens to hold in memory, and when it alone has lost MySQL (its pool, its network) the load balancer sends
 * the traffic to the replicas that have it.</li>
 * <li><b>Redis is not part of readiness.</b> Without Redis the reads degrade (the lists, details and comments come
 * from MySQL and memory, rate budgets let requests through) and what needs Redis fails closed with an answer of
 * its own (an instant attempt is answered busy, {@code 100012}); a replica without Redis serves as well as any
 * other. Redis is shared by all replicas, so a readiness that followed it would take every replica out of the load
 * balancer at once and turn degraded reads into no answers at all. Health ({@code /actuator/health}) still shows
 * Redis DOWN, for monitoring and alerts.</li>
 * </ul>
 */
public class HealthGroupDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.endpoint.health.group.liveness.include", "livenessState",
            "management.endpoint.health.group.readiness.include", "readinessState,db");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultPropertiesPropertySource.addOrMerge(DEFAULTS, environment.getPropertySources());
    }
}
