package org.medicore.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret notification-service signs its unsubscribe links with: 32 random bytes, made once per
 * data folder and kept there ({@code notification/unsubscribe-secret}, readable by its owner only),
 * so a link in a mail sent before a restart still works and no two stacks share one.
 */
final class UnsubscribeSecret {

    private UnsubscribeSecret() {
    }

    static String in(Path data) {
        Path file = data.resolve("notification").resolve("unsubscribe-secret");
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                        StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the unsubscribe secret in " + file, e);
        }
    }
}
