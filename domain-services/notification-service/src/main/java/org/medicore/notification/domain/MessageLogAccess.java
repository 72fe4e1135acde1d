package org.medicore.notification.domain;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which of a patient's messages a caller may see. DOCTOR and ADMIN: all (the care team answers
 * "I never got the reminder"). BILLING: only the invoice messages, which is what billing staff
 * chase payments with; that a patient was told their lab results are ready, or when their visits
 * are, is not theirs to read. PATIENT: all of their own, the patient id being their token subject
 * (the rule appointment-service and billing-service apply).
 */
public final class MessageLogAccess {

    private static final Set<NotificationKind> EVERY_KIND = EnumSet.allOf(NotificationKind.class);
    private static final Set<NotificationKind> BILLING_KINDS = EnumSet.of(NotificationKind.INVOICE_ISSUED);

    private MessageLogAccess() {
    }

    /** The kinds of the patient's messages the caller may see, or empty when none. */
    public static Optional<Set<NotificationKind>> visibleKinds(Caller caller, UUID patientId) {
        if (caller.is(Role.DOCTOR) || caller.is(Role.ADMIN)
                || caller.is(Role.PATIENT) && caller.subject().equals(patientId.toString())) {
            return Optional.of(EVERY_KIND);
        }
        if (caller.is(Role.BILLING)) {
            return Optional.of(BILLING_KINDS);
        }
        return Optional.empty();
    }
}
