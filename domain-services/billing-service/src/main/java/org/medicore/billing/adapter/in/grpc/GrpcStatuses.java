package org.medicore.billing.adapter.in.grpc;

import io.grpc.StatusRuntimeException;
import org.medicore.billing.application.port.in.Outcome;
import org.medicore.billing.domain.FieldViolation;
import org.medicore.billing.domain.Refusal;
import org.medicore.support.grpc.GrpcErrors;

import java.util.List;

/** What a billing use case refused, in the statuses every service answers with. */
final class GrpcStatuses {

    private static final String DOMAIN = "billing.medicore.org";

    private GrpcStatuses() {
    }

    static StatusRuntimeException of(Outcome<?> outcome) {
        return switch (outcome) {
            case Outcome.Done<?> done -> throw new IllegalArgumentException("not a failure: " + done);
            case Outcome.NotFound<?> notFound -> GrpcErrors.notFound(notFound.resourceType(), notFound.id(), notFound.resourceType());
            case Outcome.Denied<?> denied -> GrpcErrors.permissionDenied("not allowed for this caller");
            case Outcome.Invalid<?> invalid -> invalid(invalid.violations());
            case Outcome.Stale<?> stale -> GrpcErrors.staleVersion(DOMAIN, stale.currentVersion(),
                    "stale expected_version; re-read and retry");
            case Outcome.Refused<?> refused -> refusal(refused.refusal());
        };
    }

    private static StatusRuntimeException invalid(List<FieldViolation> violations) {
        return GrpcErrors.invalid(violations.stream()
                .map(violation -> new org.medicore.support.port.FieldViolation(violation.field(), violation.description())).toList());
    }

    private static StatusRuntimeException refusal(Refusal refusal) {
        return switch (refusal) {
            case AMOUNT_NOT_POSITIVE -> GrpcErrors.invalid("amount.amount_minor", "must be positive");
            case CURRENCY_MISMATCH -> GrpcErrors.invalid("amount.currency", "must be the invoice currency");
            case INVOICE_VOID -> GrpcErrors.failedPrecondition(refusal.name(), "invoice", "the invoice is void");
            case INVOICE_PAID -> GrpcErrors.failedPrecondition(refusal.name(), "invoice", "the invoice is paid");
            case AMOUNT_EXCEEDS_BALANCE -> GrpcErrors.failedPrecondition(refusal.name(), "invoice",
                    "the amount exceeds the balance due");
            case HAS_PAYMENTS -> GrpcErrors.failedPrecondition(refusal.name(), "invoice",
                    "the invoice has payments; refunds are out of scope");
        };
    }
}
