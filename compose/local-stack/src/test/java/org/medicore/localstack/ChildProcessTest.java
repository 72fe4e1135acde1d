package org.medicore.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChildProcessTest {

    @TempDir
    Path folder;

    @Test
    void a_jvm_that_exits_without_closing_its_children_leaves_no_process_behind() throws Exception {
        Path pidFile = folder.resolve("child.pid");
        ChildProcess jvm = ChildProcess.start("a test JVM", ChildProcess.javaCommand(List.of("-Xmx64m"),
                        LeavesAChildRunning.class.getName(), List.of(pidFile.toString(), folder.resolve("child.log").toString())),
                Map.of(), folder, folder.resolve("jvm.log"));

        assertThat(jvm.awaitExit(Duration.ofSeconds(60))).isZero();

        long child = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(child).ifPresent(handle -> handle.onExit().orTimeout(15, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(child).filter(ProcessHandle::isAlive)).as("child %d", child).isEmpty();
    }

    @Test
    void a_process_that_dies_before_it_is_ready_is_reported_with_the_end_of_its_log() {
        StringBuilder script = new StringBuilder();
        for (int line = 1; line <= 40; line++) {
            script.append("echo line ").append(line).append("; ");
        }
        script.append("echo 'APPLICATION FAILED TO START: port 9092 already in use'; exit 1");
        ChildProcess dying = ChildProcess.start("a dying service", List.of("sh", "-c", script.toString()), Map.of(), folder,
                folder.resolve("dying.log"));

        assertThatThrownBy(() -> dying.awaitCondition(() -> false, "its readiness", Duration.ofSeconds(30)))
                .hasMessageContaining("a dying service exited with 1 before its readiness")
                .hasMessageContaining("APPLICATION FAILED TO START: port 9092 already in use")
                .hasMessageContaining("line 40").hasMessageNotContaining("line 20\n");
    }

    /** Starts a long-running child, writes its pid and exits as a test JVM would, without closing it. */
    public static final class LeavesAChildRunning {

        public static void main(String[] args) throws Exception {
            ChildProcess.start("sleeper", List.of("sleep", "600"), Map.of(), Path.of("."), Path.of(args[1]));
            long pid = ProcessHandle.current().children().findFirst().orElseThrow().pid();
            Files.writeString(Path.of(args[0]), Long.toString(pid));
            System.exit(0);
        }
    }
}
