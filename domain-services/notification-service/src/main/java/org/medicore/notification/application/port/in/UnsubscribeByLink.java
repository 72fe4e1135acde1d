package org.medicore.notification.application.port.in;

import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.Language;
import org.medicore.support.port.Outcome;

/**
 * The unsubscribe link of a message, followed without signing in: its signed token alone says whose
 * consent on which channel it withdraws. A token that is no link of this service (made up, changed,
 * or cut short) is refused as an invalid {@code token}, and nothing about any patient is told.
 */
public interface UnsubscribeByLink {

    /** What the link would do, changing nothing (a mail scanner following links must not unsubscribe anyone). */
    Outcome<Link> look(String token);

    /** Withdraws the consent the token names; following the link again changes nothing more. */
    Outcome<Link> unsubscribe(String token);

    /**
     * What a link this service signed says. An expired one is an answer, not a refusal: the patient is
     * told in their own language, which no refusal carries.
     */
    sealed interface Link {

        /** A good link: the patient's channel, and the language to answer in. */
        record Good(Channel channel, Language language) implements Link {
        }

        /** Too old to withdraw anything; answered in the patient's language. */
        record Expired(Language language) implements Link {
        }
    }
}
