package org.medicore.notification.adapter.out.sms;

import org.medicore.notification.application.port.out.ComposedMessage;
import org.medicore.notification.application.port.out.SendOnChannel;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.DeliveryOutcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * The local SMS channel: each text is appended to one file in the stack's data folder, for
 * people to read (no provider runs on one machine). One line per message, tab-separated:
 * time, phone number, idempotency key, text.
 */
final class SmsFile implements SendOnChannel {

    private final Path file;
    private final Clock clock;

    SmsFile(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public synchronized DeliveryOutcome send(String address, ComposedMessage message, String idempotencyKey) {
        if (!PhoneNumbers.isE164(address)) {
            return new DeliveryOutcome.PermanentFailure("not a phone number in E.164 form");
        }
        String line = clock.instant() + "\t" + address + "\t" + idempotencyKey + "\t"
                + message.shortText().replaceAll("\\s+", " ") + System.lineSeparator();
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new DeliveryOutcome.Delivered(idempotencyKey);
        } catch (IOException e) {
            return new DeliveryOutcome.TemporaryFailure("could not write " + file + ": " + e.getMessage());
        }
    }
}
