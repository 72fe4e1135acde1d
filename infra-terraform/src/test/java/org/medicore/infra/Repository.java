package org.medicore.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The MediCore work tree as the checks see it: files found from infra-terraform's folder. */
final class Repository {

    static final Path ROOT = locateRoot();
    static final Path INFRA = ROOT.resolve("infra-terraform");
    static final Path COMPOSE_FILE = ROOT.resolve("compose/docker-compose.yml");
    static final Path KUBERNETES = INFRA.resolve("kubernetes");
    static final Path SPRING_SERVICE_DOCKERFILE = ROOT.resolve("spring-service.Dockerfile");

    private Repository() {
    }

    private static Path locateRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("infra-terraform/pom.xml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("run from the MediCore work tree: no infra-terraform/pom.xml above " + Path.of("").toAbsolutePath());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yamlMap(Path file) {
        Object document = yaml().load(read(file));
        if (!(document instanceof Map)) {
            throw new IllegalStateException(ROOT.relativize(file) + " is not a YAML mapping");
        }
        return (Map<String, Object>) document;
    }

    /** Every document of a multi-document YAML file; empty documents left out. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(read(file))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    /**
     * Folders (relative to the root) built into an image: those holding a Dockerfile or a Spring Boot
     * application.yaml (built from {@link #SPRING_SERVICE_DOCKERFILE}), outside build output and node_modules.
     */
    static List<String> modulesWithAnImage() {
        try (Stream<Path> files = Files.walk(ROOT, 3)) {
            return files.filter(p -> p.getFileName().toString().equals("Dockerfile")
                            || Files.isRegularFile(p.resolve("src/main/resources/application.yaml")))
                    .map(p -> Files.isDirectory(p) ? p : p.getParent())
                    .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                    .filter(dir -> !dir.contains("node_modules") && !dir.contains("target") && !dir.startsWith("."))
                    .distinct()
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finds a program on PATH, or null. */
    static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    record Run(int exitCode, String output) {
    }

    /** An overlay of kubernetes/overlays rendered by `kubectl kustomize`, which must succeed (callers assume kubectl). */
    static String renderOverlay(String overlay) {
        Run run = run(KUBERNETES, List.of("kubectl", "kustomize", "overlays/" + overlay));
        if (run.exitCode() != 0) {
            throw new AssertionError("kubectl kustomize overlays/" + overlay + " failed:\n" + run.output());
        }
        return run.output();
    }

    static Run run(Path workingDirectory, List<String> command) {
        return run(workingDirectory, command, Map.of());
    }

    static Run run(Path workingDirectory, List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            return new Run(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
