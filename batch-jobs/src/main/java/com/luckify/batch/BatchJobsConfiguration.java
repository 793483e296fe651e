package com.luckify.batch;

import com.luckify.common.ConditionalOnRole;
import com.luckify.common.Role;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The batch-jobs module: Spring Batch jobs and the schedules that launch them, only in processes with the
 * {@code batch} role. The job repository is Spring Boot's JDBC one on the application's database (schema in
 * Flyway V7); schedules run on one process at a time ({@link com.luckify.batch.support.ScheduleLock}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.BATCH)
@ComponentScan
@EnableScheduling
public class BatchJobsConfiguration {
}
