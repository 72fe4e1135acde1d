package org.medicore.appointment.adapter.in.grpc;

import io.grpc.BindableService;
import org.medicore.appointment.application.port.in.BookAppointment;
import org.medicore.appointment.application.port.in.ChangeAppointment;
import org.medicore.appointment.application.port.in.FindFreeSlots;
import org.medicore.appointment.application.port.in.ManagePractitioners;
import org.medicore.appointment.application.port.in.ViewAppointments;

/** The inbound gRPC adapters; the classes themselves stay package-private. */
public final class GrpcAdapters {

    private GrpcAdapters() {
    }

    public static BindableService appointmentEndpoint(BookAppointment booking, ChangeAppointment changes, ViewAppointments views,
                                                      FindFreeSlots freeSlots, ManagePractitioners practitioners) {
        return new AppointmentEndpoint(booking, changes, views, freeSlots, practitioners);
    }
}
