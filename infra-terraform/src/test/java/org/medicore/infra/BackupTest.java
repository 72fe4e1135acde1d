package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** modules/backup as the platform calls it: every database backed up daily, 35 days, copied to a second EU region, locked in prod (that both regions are allowed: ResidencyTest). */
class BackupTest {

    private static final String PLATFORM = "modules/platform";

    @Test
    @SuppressWarnings("unchecked")
    void everyDatabaseOfThePlatformIsInTheBackupSelection() {
        Map<String, Map<String, Object>> calls = Hcl.blocks(PLATFORM, "module");
        Map<String, Object> backup = calls.get("backup");
        Set<String> selected = new TreeSet<>(((Map<String, String>) backup.get("resource_arns")).values());
        Set<String> databases = new TreeSet<>();
        calls.forEach((name, call) -> {
            switch (String.valueOf(call.get("source"))) {
                case "../rds" -> databases.add("${module." + name + ".arn}");
                case "../dynamodb" -> databases.add("${module." + name + ".table_arn}");
                case "../keycloak" -> databases.add("${module." + name + ".db_arn}");
                default -> { }
            }
        });
        assertThat(selected).isEqualTo(databases).hasSize(4);
        assertThat(backup).containsEntry("retention_days", 35).containsEntry("vault_lock", "${local.prod}");
    }

    @Test
    void recoveryPointsAreCopiedToASecondEuRegion() {
        Map<String, Object> plan = Hcl.typedBlocks("modules/backup", "resource").get("aws_backup_plan").get("this");
        assertThat(plan.toString()).contains("schedule=cron(0 2 * * ? *)", "delete_after=${var.retention_days}",
                "copy_action=[{destination_vault_arn=${aws_backup_vault.copy.arn}");
        for (String env : List.of("dev", "prod")) {
            String text = Hcl.text("envs/" + env);
            assertThat(text).contains("alias=backup_copy");
            Set<String> regions = new TreeSet<>();
            java.util.regex.Matcher region = java.util.regex.Pattern.compile("region=([a-z0-9-]+)").matcher(text);
            while (region.find()) {
                regions.add(region.group(1));
            }
            assertThat(regions).as("%s: two regions, both in the EU", env).hasSize(2).allMatch(r -> r.startsWith("eu-"));
        }
    }
}
