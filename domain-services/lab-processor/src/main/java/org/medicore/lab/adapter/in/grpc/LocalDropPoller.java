package org.medicore.lab.adapter.in.grpc;

import org.medicore.lab.application.port.in.ReceiveDroppedMessage;
import org.medicore.lab.application.port.out.ReportObjects;
import org.medicore.lab.application.service.LabMessageIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one-machine trigger for files labs drop under {@code hl7/}: S3-compatible stores raise no
 * bucket notifications, so the folder is looked at every interval. Each file taken leaves the
 * folder (moved to {@code hl7-received/}), so a file is taken once.
 */
final class LocalDropPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalDropPoller.class);
    private static final int BATCH = 20;

    private final Optional<ScheduledExecutorService> worker;

    private LocalDropPoller(Optional<ScheduledExecutorService> worker) {
        this.worker = worker;
    }

    static LocalDropPoller start(ReceiveDroppedMessage receive, ReportObjects objects, Duration interval) {
        if (interval.isZero()) {
            return new LocalDropPoller(Optional.empty());
        }
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("hl7-drop-poller").daemon().factory());
        worker.scheduleWithFixedDelay(() -> {
            try {
                objects.keysUnder(LabMessageIntake.DROP_FOLDER, BATCH).forEach(receive::receiveDropped);
            } catch (RuntimeException e) {
                LOG.warn("taking dropped HL7 files failed; trying again in {}: {}", interval, e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new LocalDropPoller(Optional.of(worker));
    }

    @Override
    public void close() {
        worker.ifPresent(ScheduledExecutorService::shutdown);
    }
}
