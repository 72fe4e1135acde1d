package org.medicore.notification.application.port.in;

import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.Language;

/**
 * The unsubscribe link of a message, followed without signing in: its signed token alone says whose
 * consent on which channel it withdraws.
 */
public interface UnsubscribeByLink {

    /** What the link would do, changing nothing (a mail scanner following links must not unsubscribe anyone). */
    LinkOutcome look(String token);

    /** Withdraws the consent the token names; following the link again changes nothing more. */
    LinkOutcome unsubscribe(String token);

    sealed interface LinkOutcome {

        /** A good link: the patient's channel, and the language to answer in. */
        record Good(Channel channel, Language language) implements LinkOutcome {
        }

        /** Signed by this service but too old; answered in the patient's language. */
        record Expired(Language language) implements LinkOutcome {
        }

        /** Not a link of this service: made up, changed, or cut short. Nothing about any patient is told. */
        record Refused() implements LinkOutcome {
        }
    }
}
