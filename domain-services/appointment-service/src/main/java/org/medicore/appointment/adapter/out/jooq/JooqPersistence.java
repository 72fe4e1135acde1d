package org.medicore.appointment.adapter.out.jooq;

import org.jooq.DSLContext;
import org.medicore.appointment.application.port.out.AppendToOutbox;
import org.medicore.appointment.application.port.out.LoadAppointments;
import org.medicore.appointment.application.port.out.LoadPractitioner;
import org.medicore.appointment.application.port.out.LoadWorkingHours;
import org.medicore.appointment.application.port.out.PendingOutbox;
import org.medicore.appointment.application.port.out.RememberBookingRequests;
import org.medicore.appointment.application.port.out.SaveAppointment;
import org.medicore.appointment.application.port.out.SavePractitioner;
import org.medicore.appointment.application.port.out.SaveWorkingHours;
import org.medicore.appointment.application.port.out.Transactions;

/** The PostgreSQL adapters of the service, as the ports they implement; the adapters themselves stay package-private. */
public final class JooqPersistence {

    private final JooqAppointments appointments;
    private final JooqPractitioners practitioners;
    private final JooqOutbox outbox;
    private final DSLContext dsl;

    public JooqPersistence(DSLContext dsl) {
        this.dsl = dsl;
        this.appointments = new JooqAppointments(dsl);
        this.practitioners = new JooqPractitioners(dsl);
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
        return practitioners;
    }

    public SaveWorkingHours saveWorkingHours() {
        return practitioners;
    }

    public AppendToOutbox appendToOutbox() {
        return outbox;
    }

    public PendingOutbox pendingOutbox() {
        return outbox;
    }

    /** Transactions through jOOQ, which joins Spring's transaction manager when one is configured. */
    public Transactions transactions() {
        return new Transactions() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                return dsl.transactionResult(configuration -> work.get());
            }
        };
    }
}
