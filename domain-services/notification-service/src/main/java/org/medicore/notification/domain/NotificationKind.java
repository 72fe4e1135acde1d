package org.medicore.notification.domain;

/** What a message tells the patient; each has its templates per language. */
public enum NotificationKind {
    BOOKING_CONFIRMED(true),
    APPOINTMENT_MOVED(true),
    APPOINTMENT_CANCELLED(true),
    REMINDER(false),
    RESULTS_READY(false),
    INVOICE_ISSUED(false);

    private final boolean answersAnAction;

    NotificationKind(boolean answersAnAction) {
        this.answersAnAction = answersAnAction;
    }

    /**
     * Confirmations answer something just done (often by the patient, or a cancellation for the
     * next morning) and go at once; the rest waits for the end of the patient's quiet hours.
     */
    public boolean waitsForQuietHours() {
        return !answersAnAction;
    }

    /** Whether the message carries a calendar file (.ics) for its appointment. */
    public boolean carriesCalendar() {
        return answersAnAction;
    }
}
