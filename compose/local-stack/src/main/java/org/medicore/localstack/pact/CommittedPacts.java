package org.medicore.localstack.pact;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps {@code contracts/pacts} in step with the consumer tests. Providers build before their
 * consumers in the reactor, so they verify the committed pact files; a consumer test writes its
 * pact to {@code target/pacts} and this extension then fails it when the committed file differs,
 * saying which file to copy. With {@code -Dmedicore.pacts.write=true} it copies them itself.
 * Register it before {@code PactConsumerTestExt}, so that it runs after the pact is written.
 */
public final class CommittedPacts implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isPresent()) {
            return;
        }
        Path written = Path.of(required("pact.rootDir"));
        Path committed = Path.of(required("medicore.pacts"));
        boolean write = Boolean.getBoolean("medicore.pacts.write");
        List<String> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(written)) {
            for (Path pact : files.filter(file -> file.toString().endsWith(".json")).sorted().toList()) {
                Path target = committed.resolve(pact.getFileName());
                if (Files.exists(target) && Files.readString(target).equals(Files.readString(pact))) {
                    continue;
                }
                if (write) {
                    Files.createDirectories(committed);
                    Files.copy(pact, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    stale.add("cp " + pact + " " + target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!stale.isEmpty()) {
            throw new AssertionError("the consumer's pact changed, but providers verify the committed file: commit the"
                    + " new one (or run the test with -Dmedicore.pacts.write=true)\n" + String.join("\n", stale));
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set (see the parent pom's surefire settings)");
        }
        return value;
    }
}
