package org.medicore.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a patient agreed to be written to on one channel, since when and how. Nothing is sent on
 * a channel without consent GIVEN: the first message only after the patient said yes, none after
 * they withdrew it.
 */
public record ChannelConsent(Channel channel, State state, Optional<Instant> changedAt, Optional<Source> source) {

    public enum State {
        NOT_GIVEN,
        GIVEN,
        WITHDRAWN
    }

    public enum Source {
        /** The patient, signed in. */
        PATIENT,
        /** Staff, on the patient's word. */
        STAFF,
        /** The unsubscribe link of a message, without signing in. */
        UNSUBSCRIBE_LINK
    }

    public ChannelConsent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(source, "source");
        if ((state == State.NOT_GIVEN) != changedAt.isEmpty() || changedAt.isEmpty() != source.isEmpty()) {
            throw new IllegalArgumentException("a consent given or withdrawn has its time and source, one never given neither");
        }
    }

    public static ChannelConsent notGiven(Channel channel) {
        return new ChannelConsent(channel, State.NOT_GIVEN, Optional.empty(), Optional.empty());
    }

    public static ChannelConsent given(Channel channel, Instant at, Source source) {
        return new ChannelConsent(channel, State.GIVEN, Optional.of(at), Optional.of(source));
    }

    public static ChannelConsent withdrawn(Channel channel, Instant at, Source source) {
        return new ChannelConsent(channel, State.WITHDRAWN, Optional.of(at), Optional.of(source));
    }

    public boolean isGiven() {
        return state == State.GIVEN;
    }

    /** Why a message on this channel is not sent, as staff and the patient read it in the record of messages. */
    public String whyNotSent(ZoneId zone) {
        return switch (state) {
            case GIVEN -> throw new IllegalStateException("consent is given on " + channel);
            case NOT_GIVEN -> "no consent to " + channel + " messages";
            case WITHDRAWN -> "the patient withdrew consent to " + channel + " messages on "
                    + LocalDate.ofInstant(changedAt.orElseThrow(), zone)
                    + (source.orElseThrow() == Source.UNSUBSCRIBE_LINK ? " (unsubscribe link)" : "");
        };
    }
}
