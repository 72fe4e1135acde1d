package org.medicore.bff.live;

import com.google.protobuf.Message;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.bff.live.LiveController.LabReportStatusChange;
import org.medicore.contracts.events.v1.LabReportHeld;
import org.medicore.contracts.events.v1.LabReportProcessed;
import org.medicore.contracts.events.v1.LabReportRejected;

import java.util.Optional;

/** A lab report event as the status change its uploader follows. */
final class LabReportChanges {

    private LabReportChanges() {
    }

    /** The status a lab report event tells of; empty for any other event. */
    static Optional<LabReportStatusChange> of(Message event) {
        return Optional.ofNullable(switch (event) {
            case LabReportProcessed e -> new LabReportStatusChange(e.getReportId(), "PROCESSED", null, e.getResultCount(),
                    e.getAbnormalCount(), ProtoValues.orNull(e.getOccurredAt()));
            case LabReportRejected e -> new LabReportStatusChange(e.getReportId(), "REJECTED", ProtoValues.orNull(e.getDetail()),
                    null, null, ProtoValues.orNull(e.getOccurredAt()));
            // the findings are for the clinician; the uploader learns that one will look at it
            case LabReportHeld e -> new LabReportStatusChange(e.getReportId(), "NEEDS_REVIEW",
                    "held for a clinician's review before its values reach the record", null, null,
                    ProtoValues.orNull(e.getOccurredAt()));
            default -> null;
        });
    }
}
