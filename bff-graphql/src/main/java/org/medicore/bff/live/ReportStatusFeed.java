package org.medicore.bff.live;

import org.medicore.bff.live.LiveController.LabReportStatusChange;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A lab report's status as its subscriber sees it: the status now, then each change until a final
 * one. It listens for changes before it reads the status: a change that came between the read and
 * the listening would otherwise be lost, and the uploader would wait for ever on a report that was
 * processed long ago (the benchmark's uploads found this).
 */
final class ReportStatusFeed {

    static final Set<String> FINAL = Set.of("PROCESSED", "REJECTED");

    private ReportStatusFeed() {
    }

    /** {@code now} reads the status; what it throws (unknown report, not theirs) reaches the caller as it is. */
    static Flux<LabReportStatusChange> follow(Flux<LabReportStatusChange> changes, Supplier<LabReportStatusChange> now) {
        AtomicReference<Disposable> listening = new AtomicReference<>();
        Flux<LabReportStatusChange> heard = changes.replay().autoConnect(0, listening::set);
        LabReportStatusChange current;
        try {
            current = now.get();
        } catch (RuntimeException e) {
            listening.get().dispose();
            throw e;
        }
        if (FINAL.contains(current.status())) {
            listening.get().dispose();
            return Flux.just(current);
        }
        return Flux.concat(Flux.just(current), heard.takeUntil(change -> FINAL.contains(change.status())))
                .distinctUntilChanged(LabReportStatusChange::status)
                .doFinally(signal -> listening.get().dispose());
    }
}
