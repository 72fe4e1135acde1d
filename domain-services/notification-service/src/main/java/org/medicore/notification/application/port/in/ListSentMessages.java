package org.medicore.notification.application.port.in;

import org.medicore.notification.domain.Caller;
import org.medicore.notification.domain.SentMessage;
import org.medicore.support.port.Outcome;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Staff and the patient read what was sent to the patient, and when. */
public interface ListSentMessages {

    /** The page, or Denied. */
    Outcome<Page> list(Caller caller, Query query);

    /** A page of a patient's messages, newest planned first: offset and size already read from the request. */
    record Query(UUID patientId, int offset, int limit) {

        public Query {
            Objects.requireNonNull(patientId, "patientId");
            if (offset < 0 || limit < 1) {
                throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
            }
        }
    }

    /** The page, and how many messages the caller may see in all. */
    record Page(List<SentMessage> messages, long total) {

        public Page {
            messages = List.copyOf(messages);
        }
    }
}
