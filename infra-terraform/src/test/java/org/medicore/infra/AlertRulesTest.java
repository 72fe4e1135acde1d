package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.medicore.infra.KubernetesManifestsTest.list;
import static org.medicore.infra.KubernetesManifestsTest.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SLO and operations alerts (kubernetes/base/monitoring): they ask only for series the
 * services publish, each reaches a receiver by its severity, each has a promtool unit test, and
 * promtool accepts the rules and passes the tests (src/test/promtool) when it is installed.
 */
class AlertRulesTest {

    private static final Path MONITORING = Repository.KUBERNETES.resolve("base/monitoring");
    private static final Path UNIT_TESTS = Repository.INFRA.resolve("src/test/promtool/medicore-alerts.test.yaml");
    /** PromQL's words that are not series: the functions, aggregations and operators the rules use. */
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "increase", "deriv",
            "histogram_quantile", "by", "without", "and", "or", "unless", "on", "ignoring");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final Map<String, Object> rule = document("prometheus-rule.yaml", "PrometheusRule");
    private final Map<String, Object> alertmanager = document("alertmanager-config.yaml", "AlertmanagerConfig");

    @Test
    void rulesAskOnlyForSeriesTheServicesPublishOrTheRulesRecord() {
        Set<String> recorded = new TreeSet<>();
        rules().stream().filter(r -> r.containsKey("record")).forEach(r -> recorded.add((String) r.get("record")));
        List<String> unknown = new ArrayList<>();
        for (Map<String, Object> r : rules()) {
            // Label matchers, grouping labels, ranges and strings are not series names.
            String expression = String.valueOf(r.get("expr")).replaceAll("\\{[^}]*}", "").replaceAll("(by|without) \\([^)]*\\)", "")
                    .replaceAll("\\[[^]]*]", "").replaceAll("\"[^\"]*\"", "");
            Matcher identifier = IDENTIFIER.matcher(expression);
            while (identifier.find()) {
                String name = identifier.group();
                if (!PROMQL.contains(name) && !recorded.contains(name) && !ObservabilityTest.PUBLISHED.matcher(name).matches()) {
                    unknown.add(name + " in " + r.getOrDefault("alert", r.get("record")));
                }
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(recorded).allMatch(name -> name.startsWith("medicore:"));
    }

    @Test
    void everyAlertReachesAReceiverByItsSeverityAndSaysWhatToDo() {
        Set<String> routed = new TreeSet<>();
        for (Map<String, Object> route : list(map(alertmanager, "spec", "route"), "routes")) {
            list(route, "matchers").stream().filter(m -> "severity".equals(m.get("name"))).forEach(m -> routed.add((String) m.get("value")));
        }
        assertThat(routed).containsExactlyInAnyOrder("page", "ticket");
        for (Map<String, Object> alert : alerts()) {
            assertThat(map(alert, "labels")).as((String) alert.get("alert")).containsEntry("namespace", "medicore")
                    .hasEntrySatisfying("severity", severity -> assertThat(routed).contains((String) severity));
            assertThat(map(alert, "annotations")).as((String) alert.get("alert")).containsKeys("summary", "description")
                    .containsEntry("runbook", "infra-terraform/README.md#alerts");
        }
        assertThat(Repository.read(Repository.INFRA.resolve("README.md"))).contains("\n## Alerts\n");
    }

    @Test
    void pagesGoToPagerDutyTicketsToSlackWithKeysFromSecretsManager() {
        Map<String, String> receiverBySeverity = new java.util.TreeMap<>();
        for (Map<String, Object> route : list(map(alertmanager, "spec", "route"), "routes")) {
            list(route, "matchers").forEach(m -> receiverBySeverity.merge((String) m.get("value"), (String) route.get("receiver"), (a, b) -> a + "," + b));
        }
        assertThat(receiverBySeverity).containsEntry("page", "pagerduty,slack").containsEntry("ticket", "slack");

        Map<String, Object> externalSecret = Repository.yamlDocuments(MONITORING.resolve("alertmanager-config.yaml")).stream()
                .filter(d -> "ExternalSecret".equals(d.get("kind"))).findFirst().orElseThrow();
        String secret = (String) map(externalSecret, "spec", "target").get("name");
        Set<String> keys = new TreeSet<>();
        list(map(externalSecret, "spec"), "data").forEach(entry -> keys.add((String) entry.get("secretKey")));
        List<Map<String, Object>> selectors = new ArrayList<>();
        for (Map<String, Object> receiver : list(map(alertmanager, "spec"), "receivers")) {
            list(receiver, "pagerdutyConfigs").forEach(c -> selectors.add(map(c, "routingKey")));
            list(receiver, "slackConfigs").forEach(c -> selectors.add(map(c, "apiURL")));
        }
        assertThat(selectors).hasSize(2).allSatisfy(selector -> {
            assertThat(selector).containsEntry("name", secret);
            assertThat(keys).contains((String) selector.get("key"));
        });
        assertThat(Hcl.text("modules/secrets")).contains("name=${var.name}/alerting");
    }

    @Test
    void everyAlertHasAUnitTestThatFiresIt() {
        Set<String> fired = new TreeSet<>();
        for (Map<String, Object> test : list(Repository.yamlMap(UNIT_TESTS), "tests")) {
            list(test, "alert_rule_test").stream().filter(t -> !list(t, "exp_alerts").isEmpty()).forEach(t -> fired.add((String) t.get("alertname")));
        }
        assertThat(fired).containsExactlyInAnyOrderElementsOf(alerts().stream().map(a -> (String) a.get("alert")).toList());
    }

    @Test
    void promtoolAcceptsTheRulesAndPassesTheirUnitTests(@TempDir Path folder) throws IOException {
        assumeTrue(Repository.onPath("promtool") != null,
                "promtool is not on PATH (Debian: apt-get install prometheus): alert rules not checked nor unit-tested");
        Path rules = folder.resolve("medicore-alerts.rules.yaml");
        Files.writeString(rules, Repository.yaml().dump(Map.of("groups", map(rule, "spec").get("groups"))));
        Files.copy(UNIT_TESTS, folder.resolve(UNIT_TESTS.getFileName()));
        Repository.Run check = Repository.run(folder, List.of("promtool", "check", "rules", rules.getFileName().toString()));
        assertThat(check.exitCode()).as(check.output()).isZero();
        Repository.Run test = Repository.run(folder, List.of("promtool", "test", "rules", UNIT_TESTS.getFileName().toString()));
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    private List<Map<String, Object>> rules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        list(map(rule, "spec"), "groups").forEach(group -> rules.addAll(list(group, "rules")));
        return rules;
    }

    private List<Map<String, Object>> alerts() {
        return rules().stream().filter(r -> r.containsKey("alert")).toList();
    }

    private static Map<String, Object> document(String file, String kind) {
        return Repository.yamlDocuments(MONITORING.resolve(file)).stream().filter(d -> kind.equals(d.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no " + kind));
    }
}
