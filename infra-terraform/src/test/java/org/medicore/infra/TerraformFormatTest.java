package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** terraform fmt needs no provider: it runs wherever the terraform binary is (not on every machine). */
class TerraformFormatTest {

    @Test
    void terraformFilesAreFormatted() {
        assumeTrue(Repository.onPath("terraform") != null,
                "terraform is not on PATH: `terraform fmt -check -recursive` skipped (the HCL is still parsed by TerraformWiringTest)");
        Repository.Run run = Repository.run(Repository.INFRA, List.of("terraform", "fmt", "-check", "-recursive", "-no-color", "."));
        assertThat(run.exitCode()).as("terraform fmt -check -recursive lists unformatted files:%n%s", run.output()).isZero();
    }
}
