package org.medicore.bff.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Refuses abusive queries before any service is called: nesting deeper than {@code max-depth},
 * or more than {@code max-complexity} fields in all (each field counts one), and request bodies
 * larger than {@code max-request-size} (413, before the token check reads anything).
 */
@Configuration
@EnableConfigurationProperties(QueryLimits.Limits.class)
class QueryLimits {

    @ConfigurationProperties("medicore.bff.query-limits")
    record Limits(@DefaultValue("12") int maxDepth, @DefaultValue("400") int maxComplexity,
                  @DefaultValue("1MB") DataSize maxRequestSize) {
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(Limits limits) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(limits.maxRequestSize()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(Limits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth());
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(Limits limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity());
    }
}
