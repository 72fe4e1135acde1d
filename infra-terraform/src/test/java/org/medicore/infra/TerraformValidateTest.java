package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * terraform validate against the AWS provider's schema, where the machine has the provider in a
 * local filesystem mirror (this one has hashicorp/aws 5.100.0 in /opt/tf-plugins; nothing can be
 * downloaded). The modules ask for aws ~> 6.0 and hashicorp/random, which no mirror here has, so a
 * copy is validated with three changes: the version constraint admits the mirror's provider,
 * {@code data.aws_region.*.region} (6.x) reads {@code .name} (5.x) for every region data source, and each random_password
 * and random_bytes is a terraform_data of the same name. Every other resource, attribute, type and module wiring is
 * checked as written.
 */
class TerraformValidateTest {

    private static final Path MIRROR = Path.of(System.getenv().getOrDefault("MEDICORE_TERRAFORM_MIRROR", "/opt/tf-plugins"));
    private static final Pattern RANDOM_VALUE = Pattern.compile("(?s)resource \"random_(?:password|bytes)\" \"(\\w+)\" \\{([^}]*)}");
    private static final Pattern FOR_EACH = Pattern.compile("(?m)^[ \\t]*for_each\\s*=.*$");

    @Test
    void everyRootValidatesAgainstTheAwsProvidersSchema(@TempDir Path copy) throws IOException {
        assumeTerraformWithAMirroredProvider();
        for (String folder : List.of("modules", "envs")) {
            copyForValidation(Repository.INFRA.resolve(folder), copy.resolve(folder));
        }
        Map<String, String> environment = mirrorEnvironment(copy);
        for (String env : List.of("envs/dev", "envs/prod", "envs/organization")) {
            Path root = copy.resolve(env);
            Repository.Run init = Repository.run(root, List.of("terraform", "init", "-backend=false", "-input=false", "-no-color"), environment);
            assertThat(init.exitCode()).as("terraform init in %s:%n%s", env, init.output()).isZero();
            Repository.Run validate = Repository.run(root, List.of("terraform", "validate", "-no-color"), environment);
            assertThat(validate.exitCode()).as("terraform validate in %s:%n%s", env, validate.output()).isZero();
            assertThat(validate.output()).contains("The configuration is valid");
        }
    }

    static void assumeTerraformWithAMirroredProvider() {
        assumeTrue(Repository.onPath("terraform") != null, "terraform is not on PATH: terraform skipped");
        assumeTrue(Files.isDirectory(MIRROR.resolve("registry.terraform.io/hashicorp/aws")),
                "no AWS provider in a filesystem mirror at " + MIRROR + " (MEDICORE_TERRAFORM_MIRROR): terraform skipped");
    }

    /** The environment under which terraform in {@code folder} takes the AWS provider from the mirror. */
    static Map<String, String> mirrorEnvironment(Path folder) throws IOException {
        Path cliConfig = folder.resolve("mirror.tfrc");
        Files.writeString(cliConfig, """
                provider_installation {
                  filesystem_mirror {
                    path    = "%s"
                    include = ["registry.terraform.io/hashicorp/aws"]
                  }
                }
                """.formatted(MIRROR));
        return Map.of("TF_CLI_CONFIG_FILE", cliConfig.toString(), "TF_IN_AUTOMATION", "1");
    }

    /** Copies the .tf files under {@code from}, adapted to the mirror's provider as the class comment says. */
    static void copyForValidation(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".tf")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.writeString(target, forTheMirror(Files.readString(file)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String forTheMirror(String hcl) {
        // A password's for_each stays, so references by key are still checked.
        String passwords = RANDOM_VALUE.matcher(hcl).replaceAll(block -> {
            Matcher forEach = FOR_EACH.matcher(block.group(2));
            return Matcher.quoteReplacement("resource \"terraform_data\" \"" + block.group(1) + "\" {\n"
                    + (forEach.find() ? forEach.group() + "\n" : "") + "  input = \"generated\"\n}");
        });
        return passwords.replaceAll("version(\\s*)= \"~> 6.0\"", "version$1= \">= 5.100\"")
                .replaceAll("data\\.aws_region\\.(\\w+)\\.region", "data.aws_region.$1.name")
                .replaceAll("random_password\\.(\\w+)(\\[[^\\]]*])?\\.result", "terraform_data.$1$2.output")
                .replaceAll("random_bytes\\.(\\w+)(\\[[^\\]]*])?\\.base64", "terraform_data.$1$2.output")
                .replaceAll("(?s)\\s*random = \\{[^}]*}", "");
    }
}
