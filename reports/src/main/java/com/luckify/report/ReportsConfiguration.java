package com.luckify.report;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The report service, for the admin console (downloads) and the batch jobs (archive, monthly reports). */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class ReportsConfiguration {
}
