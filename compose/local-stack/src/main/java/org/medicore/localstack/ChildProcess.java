package org.medicore.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A server started as a separate operating-system process, its output in a log file.
 * Closing it stops the whole process tree, politely first, so nothing is left running. Whatever
 * is still running when the JVM exits is stopped by one shutdown hook, all trees at once: stopped
 * one after another, a test JVM's services outlived the time Surefire gives a fork to exit and
 * were left running without a parent.
 */
final class ChildProcess implements AutoCloseable {

    private static final Duration POLITE_STOP = Duration.ofSeconds(20);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(10);
    private static final int SHOWN_LINES = 15;
    private static final int SHOWN_LINE_LENGTH = 800;
    private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcess::stopAllAtExit, "child-processes-at-exit"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                              Path workingDirectory, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            ChildProcess child = new ChildProcess(name, builder.start(), log);
            RUNNING.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    /** A java command on this JVM's runtime and class path, so children need nothing installed. */
    static List<String> javaCommand(List<String> jvmOptions, String mainClass, List<String> arguments) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new java.util.ArrayList<String>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** Waits for a line in the log written after {@code since} bytes, failing fast if the process dies. */
    void awaitLogLine(String fragment, long since, Duration timeout) {
        awaitCondition(() -> logSince(since).contains(fragment), "log line '" + fragment + "'", timeout);
    }

    void awaitCondition(BooleanSupplier ready, String what, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " before " + what + "; see " + log + "; its last lines:\n" + lastLines());
            }
            sleep(Duration.ofMillis(250));
        }
        close();
        throw new IllegalStateException(name + " not ready after " + timeout + " (waiting for " + what + "); see " + log
                + "; its last lines:\n" + lastLines());
    }

    /**
     * The end of the log, each line cut short: a test system's folder, and so the log the message names, is gone
     * once its JVM ends, and in CI this message is all that is left of why a process did not come up.
     */
    private String lastLines() {
        List<String> lines = logSince(0).lines().toList();
        return lines.subList(Math.max(0, lines.size() - SHOWN_LINES), lines.size()).stream()
                .map(line -> line.length() <= SHOWN_LINE_LENGTH ? line : line.substring(0, SHOWN_LINE_LENGTH) + "…")
                .collect(Collectors.joining("\n"));
    }

    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    long logSize() {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String logSince(long since) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            int from = (int) Math.min(since, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        RUNNING.remove(this);
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(POLITE_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(POLITE_STOP.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        // A wrapper script (kc.sh) may have forwarded the signal to a child that outlives it.
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** As {@code kill -9} would: no shutdown hooks, no goodbye; for fault tests. Returns once it is gone. */
    void kill() {
        RUNNING.remove(this);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(POLITE_STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every tree still running: a polite signal to all at once, then force after {@link #EXIT_GRACE}. */
    private static void stopAllAtExit() {
        List<ProcessHandle> trees = RUNNING.stream()
                .flatMap(child -> Stream.concat(Stream.of(child.process.toHandle()), child.process.descendants()))
                .toList();
        trees.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(EXIT_GRACE);
        for (ProcessHandle tree : trees) {
            try {
                tree.onExit().get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException stillRunning) {
                tree.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tree.destroyForcibly();
            }
        }
        trees.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
