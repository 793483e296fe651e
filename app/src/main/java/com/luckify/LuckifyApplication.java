package com.luckify;

import com.luckify.admin.AdminUiConfiguration;
import com.luckify.batch.BatchJobsConfiguration;
import com.luckify.integration.IntegrationFlowsConfiguration;
import com.luckify.report.ReportsConfiguration;
import com.luckify.web.WebApiConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The one Luckify process. Core features are scanned always; each adapter module is imported through its
 * own configuration, which loads only for its role ({@code luckify.roles}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan("com.luckify.app")
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        // adapters come in through their role-guarded configurations below, never by scanning
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.luckify\\.(web|admin|batch|integration|report)\\..*")})
@Import({WebApiConfiguration.class, AdminUiConfiguration.class, BatchJobsConfiguration.class,
        IntegrationFlowsConfiguration.class, ReportsConfiguration.class})
public class LuckifyApplication {

    public static void main(String[] args) {
        SpringApplication.run(LuckifyApplication.class, args);
    }
}
