package org.medicore.appointment.application.port.out;

import java.util.List;
import java.util.Collection;
import org.medicore.appointment.application.port.in.ManagePractitioners.Filter;
import org.medicore.appointment.application.port.in.Page;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.domain.PractitionerId;

import java.util.Optional;

public interface LoadPractitioner {

    Optional<Practitioner> practitioner(PractitionerId id);

    List<Practitioner> practitioners(Collection<PractitionerId> ids);

    /** By family name, given name, then id, so that pages neither repeat nor skip anyone. */
    Page<Practitioner> practitioners(Filter filter, Page.Request page);
}
