package org.medicore.notification.application.port.in;

import org.medicore.notification.domain.Caller;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.QuietHours;
import org.medicore.notification.domain.Recipient;
import org.medicore.support.port.Outcome;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A patient's choices of how to be told: read by the patient and the care team, changed by the patient or an administrator. */
public interface ManageMessagePreferences {

    /** The preferences as they stand (addresses are patient-service's to show, not these), or Denied. */
    Outcome<Recipient> read(Caller caller, UUID patientId);

    /** The preferences as they now stand, or Denied. */
    Outcome<Recipient> change(Caller caller, Change change);

    /**
     * The parts to change, each empty when left as it is: the channels to plan messages on, every
     * channel the patient consents to (consent given where new, withdrawn where left out), quiet hours.
     */
    record Change(UUID patientId, Optional<Set<Channel>> channels, Optional<Set<Channel>> consentedChannels,
                  Optional<QuietHours> quietHours) {

        public Change {
            Objects.requireNonNull(patientId, "patientId");
            channels = channels.map(Set::copyOf);
            consentedChannels = consentedChannels.map(Set::copyOf);
            Objects.requireNonNull(quietHours, "quietHours");
        }
    }
}
