package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * compose's Prometheus and Grafana: every service scraped where it serves its metrics, and a
 * dashboard that asks only for series the services publish (Micrometer's names in Prometheus).
 */
class ObservabilityTest {

    private static final Path DOCKER = Repository.COMPOSE_FILE.getParent().resolve("docker");
    private static final Path DASHBOARD = DOCKER.resolve("grafana/dashboards/medicore.json");

    /**
     * The series the services publish, as Prometheus names them: gRPC, GraphQL and HTTP server
     * timers, JVM meters, the Kafka clients' lag, and MediCore's outbox and dead-letter gauges.
     */
    static final Pattern PUBLISHED = Pattern.compile("grpc_server_seconds_(bucket|count|sum|max)"
            + "|graphql_(request|datafetcher)_seconds_(bucket|count|sum|max)"
            + "|http_server_requests_seconds_(bucket|count|sum|max)"
            + "|jvm_[a-z_]+"
            + "|kafka_consumer_fetch_manager_records_lag_max"
            + "|medicore_outbox_backlog|medicore_dlq_size");
    /** A series selector: a metric name right before its label matchers. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{");

    private final ComposeFile compose = ComposeFile.load();
    // JSON is YAML: SnakeYAML reads the dashboard as it reads the HCL parser's output.
    private final Map<String, Object> dashboard = Repository.yamlMap(DASHBOARD);

    @Test
    void prometheusScrapesEverySpringServiceOnItsManagementPort() {
        Map<String, Object> config = Repository.yamlMap(DOCKER.resolve("prometheus/prometheus.yml"));
        Set<String> scraped = new TreeSet<>();
        for (Map<String, Object> job : KubernetesManifestsTest.list(config, "scrape_configs")) {
            assertThat(job).as("job %s", job.get("job_name")).containsEntry("metrics_path", "/actuator/prometheus");
            for (Map<String, Object> targets : KubernetesManifestsTest.list(job, "static_configs")) {
                ((List<?>) targets.get("targets")).forEach(target -> scraped.add(String.valueOf(target)));
            }
        }
        Set<String> expected = new TreeSet<>();
        compose.springServices().keySet().forEach(service -> expected.add(service + ":" + compose.managementPort(service)));
        assertThat(scraped).isEqualTo(expected);
        assertThat(compose.service("prometheus").get("volumes").toString())
                .contains("./docker/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml");
    }

    @Test
    void grafanaProvisionsTheDataSourcesAndTheDashboardFolder() {
        String volumes = compose.service("grafana").get("volumes").toString();
        assertThat(volumes).contains("./docker/grafana/provisioning:/etc/grafana/provisioning", "./docker/grafana/dashboards:/etc/grafana/dashboards");
        Map<String, Object> providers = Repository.yamlMap(DOCKER.resolve("grafana/provisioning/dashboards/medicore.yaml"));
        assertThat(KubernetesManifestsTest.list(providers, "providers"))
                .anyMatch(provider -> "/etc/grafana/dashboards".equals(KubernetesManifestsTest.map(provider, "options").get("path")));
        assertThat(compose.environment("grafana")).containsEntry("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH", "/etc/grafana/dashboards/medicore.json");

        Set<String> datasources = provisionedDataSources();
        assertThat(datasources).contains("prometheus", "tempo");
        List<Object> references = valuesOf(dashboard, "datasource");
        assertThat(references).isNotEmpty().allSatisfy(reference -> assertThat(datasources).as("data source of the dashboard")
                .contains(String.valueOf(((Map<?, ?>) reference).get("uid"))));
    }

    @Test
    void theDashboardAsksOnlyForSeriesTheServicesPublish() {
        List<String> expressions = expressions();
        assertThat(expressions).isNotEmpty();
        List<String> unknown = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (String expression : expressions) {
            Matcher selector = SELECTOR.matcher(expression);
            while (selector.find()) {
                used.add(selector.group(1));
                if (!PUBLISHED.matcher(selector.group(1)).matches()) {
                    unknown.add(selector.group(1) + " in " + expression);
                }
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(used).contains("grpc_server_seconds_bucket", "grpc_server_seconds_count", "graphql_request_seconds_bucket",
                "graphql_request_seconds_count", "graphql_datafetcher_seconds_count", "kafka_consumer_fetch_manager_records_lag_max",
                "medicore_outbox_backlog", "medicore_dlq_size", "jvm_memory_used_bytes");
    }

    @Test
    void theDashboardShowsRateErrorsAndLatencyPercentilesPerRpcAndGraphQlOperation() {
        String all = String.join("\n", expressions());
        for (String histogram : List.of("grpc_server_seconds_bucket", "graphql_request_seconds_bucket")) {
            for (String quantile : List.of("0.5", "0.95", "0.99")) {
                assertThat(Pattern.compile("histogram_quantile\\(" + Pattern.quote(quantile) + ", sum by \\(le, [^)]*\\) \\(rate\\(" + histogram).matcher(all).find())
                        .as("p%s of %s", quantile, histogram).isTrue();
            }
        }
        assertThat(all).contains("sum by (application, rpc_method) (rate(grpc_server_seconds_count", "grpc_status_code!=\"OK\"",
                "graphql_outcome!=\"SUCCESS\"", "sum by (graphql_operation_name");
    }

    @Test
    void everyServicePublishesTheHistogramsTheDashboardReads() {
        compose.springServices().forEach((service, module) -> {
            Map<String, String> properties = SpringConfig.of(module).properties();
            assertThat(properties).as(service).containsEntry("management.metrics.tags.application", "${spring.application.name}");
            assertThat(properties.get("management.endpoints.web.exposure.include")).as(service).contains("prometheus");
        });
        assertThat(histogramsOf("domain-services/patient-service")).contains("grpc.server");
        assertThat(histogramsOf("bff-graphql")).contains("graphql.request");
    }

    private static Set<String> histogramsOf(String module) {
        Set<String> histograms = new TreeSet<>();
        SpringConfig.of(module).properties().forEach((key, value) -> {
            if (key.startsWith("management.metrics.distribution.percentiles-histogram.") && value.equals("true")) {
                histograms.add(key.substring("management.metrics.distribution.percentiles-histogram.".length()).replaceAll("[\\[\\]]", ""));
            }
        });
        return histograms;
    }

    /** Every query of the dashboard; a variable's label_values(metric, label) counts as a selector of its metric. */
    private List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        valuesOf(dashboard, "expr").forEach(expr -> expressions.add(String.valueOf(expr)));
        valuesOf(dashboard, "definition").forEach(definition -> expressions.add(String.valueOf(definition)
                .replaceAll("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*),", "$1{} ,")));
        return expressions;
    }

    /** The values of a key anywhere in a JSON tree. */
    private static List<Object> valuesOf(Object tree, String key) {
        List<Object> values = new ArrayList<>();
        if (tree instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                if (key.equals(name)) {
                    values.add(value);
                }
                values.addAll(valuesOf(value, key));
            });
        } else if (tree instanceof List<?> list) {
            list.forEach(element -> values.addAll(valuesOf(element, key)));
        }
        return values;
    }

    private static Set<String> provisionedDataSources() {
        Map<String, Object> provisioning = Repository.yamlMap(DOCKER.resolve("grafana/provisioning/datasources/medicore.yaml"));
        Set<String> uids = new TreeSet<>();
        KubernetesManifestsTest.list(provisioning, "datasources").forEach(source -> uids.add(String.valueOf(source.get("uid"))));
        return uids;
    }
}
