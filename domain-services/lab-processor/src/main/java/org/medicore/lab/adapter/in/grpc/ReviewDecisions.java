package org.medicore.lab.adapter.in.grpc;

import org.medicore.contracts.lab.v1.DecideReviewRequest;
import org.medicore.lab.domain.LoincCode;
import org.medicore.lab.domain.ReviewDecision;

import java.util.Optional;

/** A DecideReviewRequest's decision, read into the domain's. */
final class ReviewDecisions {

    private ReviewDecisions() {
    }

    /** Empty when the request names no decision. */
    static Optional<ReviewDecision> fromProto(DecideReviewRequest request) {
        return Optional.ofNullable(switch (request.getDecisionCase()) {
            case ACCEPT -> new ReviewDecision.Accept();
            case CORRECT -> new ReviewDecision.Correct(request.getCorrect().getValuesList().stream()
                    .map(value -> new ReviewDecision.StatedValue(value.getTestName(),
                            value.getCode().isBlank() ? Optional.empty() : Optional.of(new LoincCode(value.getCode().strip())),
                            value.getValue(), value.getUnit(), value.getReferenceRange()))
                    .toList());
            case REASSIGN -> new ReviewDecision.Reassign(request.getReassign().getPatientId());
            case REJECT -> new ReviewDecision.Reject(request.getReject().getReason());
            case DECISION_NOT_SET -> null;
        });
    }
}
