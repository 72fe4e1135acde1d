package org.medicore.analytics.application.port.out;

import org.medicore.analytics.domain.BookedDay;
import org.medicore.analytics.domain.ClinicActivity;

import java.time.LocalDate;
import java.util.Optional;

/** The dashboard state kept per clinic. */
public interface LoadClinicActivity {

    Optional<ClinicActivity> activity(String clinicId);

    BookedDay bookedDay(String clinicId, LocalDate date);
}
