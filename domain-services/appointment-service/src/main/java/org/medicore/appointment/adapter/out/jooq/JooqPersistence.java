package org.medicore.appointment.adapter.out.jooq;

import org.jooq.DSLContext;
import org.medicore.appointment.application.port.out.AppendToOutbox;
import org.medicore.appointment.application.port.out.LoadAppointments;
import org.medicore.appointment.application.port.out.LoadPractitioner;
import org.medicore.appointment.application.port.out.LoadWorkingHours;
import org.medicore.support.outbox.PendingOutbox;
import org.medicore.appointment.application.port.out.RememberBookingRequests;
import org.medicore.appointment.application.port.out.SaveAppointment;
import org.medicore.appointment.application.port.out.SavePractitioner;
import org.medicore.appointment.application.port.out.SaveWorkingHours;
import org.medicore.support.port.Transactions;

/** The PostgreSQL adapters of the service, as the ports they implement; the adapters themselves stay package-private. */
public final class JooqPersistence {

    private static final int TRANSACTION_ATTEMPTS = 6;
    /** deadlock_detected and serialization_failure: the transaction was rolled back and may simply run again. */
    private static final java.util.Set<String> RETRYABLE_STATES = java.util.Set.of("40P01", "40001");

    private final JooqAppointments appointments;
    private final JooqPractitioners practitioners;
    private final JooqWorkingHours workingHours;
    private final JooqOutbox outbox;
    private final DSLContext dsl;

    public JooqPersistence(DSLContext dsl) {
        this.dsl = dsl;
        this.appointments = new JooqAppointments(dsl);
        this.practitioners = new JooqPractitioners(dsl);
        this.workingHours = new JooqWorkingHours(dsl);
        this.outbox = new JooqOutbox(dsl);
    }

    public LoadAppointments loadAppointments() {
        return appointments;
    }

    public SaveAppointment saveAppointment() {
        return appointments;
    }

    public RememberBookingRequests bookingRequests() {
        return appointments;
    }

    public LoadPractitioner loadPractitioner() {
        return practitioners;
    }

    public SavePractitioner savePractitioner() {
        return practitioners;
    }

    public LoadWorkingHours loadWorkingHours() {
        return workingHours;
    }

    public SaveWorkingHours saveWorkingHours() {
        return workingHours;
    }

    public AppendToOutbox appendToOutbox() {
        return outbox;
    }

    public PendingOutbox pendingOutbox() {
        return outbox;
    }

    /**
     * Transactions through jOOQ, which joins Spring's transaction manager when one is configured.
     * PostgreSQL may abort one of two bookings racing for overlapping slots as a deadlock (each
     * waits for the other's exclusion-constraint check); the aborted one rolled back entirely, so it
     * is run again after a short pause, and then meets the winner's booking as an ordinary conflict.
     */
    public Transactions transactions() {
        return new Transactions() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                for (int attempt = 1; ; attempt++) {
                    try {
                        return dsl.transactionResult(configuration -> work.get());
                    } catch (RuntimeException e) {
                        if (attempt == TRANSACTION_ATTEMPTS || !abortedByTheDatabase(e)) {
                            throw e;
                        }
                        pauseBeforeAttempt(attempt);
                    }
                }
            }
        };
    }

    /** A short random pause, longer each time, so the losers of one deadlock don't meet again at once. */
    private static void pauseBeforeAttempt(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }

    /**
     * A connection pool's timeout is an SQLException without a SQLSTATE, and {@code Set.of} refuses to look up null:
     * the state is checked first, or a restarted service answers INTERNAL instead of the outage it meets.
     */
    static boolean abortedByTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && RETRYABLE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
