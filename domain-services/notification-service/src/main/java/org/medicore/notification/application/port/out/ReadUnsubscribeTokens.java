package org.medicore.notification.application.port.out;

import org.medicore.notification.domain.UnsubscribeToken;

import java.time.Instant;

/** What a token presented to the unsubscribe page says, or why it is refused. */
public interface ReadUnsubscribeTokens {

    /** Never throws, whatever the text. */
    Reading read(String text, Instant now);

    sealed interface Reading {

        /** Issued by this service and not expired. */
        record Valid(UnsubscribeToken token) implements Reading {
        }

        /** Issued by this service, but its time is over: the patient is known, the link no longer works. */
        record Expired(UnsubscribeToken token) implements Reading {
        }

        /** Well formed, but not signed by this service: made or changed by someone else. */
        record Forged() implements Reading {
        }

        /** Not a token at all: cut short, lengthened, or characters a token never has. */
        record Malformed() implements Reading {
        }
    }
}
