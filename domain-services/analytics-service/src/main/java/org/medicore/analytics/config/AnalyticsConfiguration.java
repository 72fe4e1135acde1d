package org.medicore.analytics.config;

import org.medicore.analytics.adapter.in.kafka.AnalyticsTopology;
import org.medicore.analytics.adapter.in.kafka.StreamsStateQueries;
import org.medicore.analytics.adapter.in.web.DashboardController;
import org.medicore.analytics.application.port.in.ViewDashboard;
import org.medicore.analytics.application.service.Dashboard;
import org.medicore.analytics.domain.DashboardRules;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import java.time.Clock;
import java.util.Optional;

@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(AnalyticsProperties.class)
class AnalyticsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DashboardRules dashboardRules(AnalyticsProperties properties) {
        return new DashboardRules(properties.zone(), properties.workingMinutesPerDay());
    }

    @Bean
    AnalyticsTopology analyticsTopology(StreamsBuilder builder, AnalyticsProperties properties, DashboardRules rules,
                                        Clock clock) {
        AnalyticsTopology topology = new AnalyticsTopology(new AnalyticsTopology.Settings(properties.windowSize(),
                properties.grace(), properties.windowRetention(), properties.deduplication(), rules, clock));
        topology.addTo(builder);
        return topology;
    }

    /** Several instances each set {@code application.server} to their read API's host:port, so queries find the right one. */
    @Bean
    StreamsStateQueries streamsStateQueries(StreamsBuilderFactoryBean streams, AnalyticsProperties properties,
                                            KafkaProperties kafka) {
        Optional<HostInfo> self = Optional.ofNullable(kafka.getStreams().getProperties().get(StreamsConfig.APPLICATION_SERVER_CONFIG))
                .filter(server -> !server.isBlank())
                .map(HostInfo::buildFromEndpoint);
        return new StreamsStateQueries(streams::getKafkaStreams, properties.windowSize(), self);
    }

    @Bean
    ViewDashboard viewDashboard(StreamsStateQueries queries, DashboardRules rules, Clock clock) {
        return new Dashboard(queries, queries, queries, rules, clock);
    }

    @Bean
    DashboardController dashboardController(ViewDashboard dashboard, Clock clock) {
        return new DashboardController(dashboard, clock);
    }
}
