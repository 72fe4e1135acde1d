package org.medicore.notification.adapter.out.jooq;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.medicore.notification.adapter.out.jooq.generated.tables.records.RecipientRecord;
import org.medicore.notification.application.port.out.LoadPractitionerZones;
import org.medicore.notification.application.port.out.LoadRecipients;
import org.medicore.notification.application.port.out.SaveRecipients;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.ChannelConsent;
import org.medicore.notification.domain.Language;
import org.medicore.notification.domain.PatientContact;
import org.medicore.notification.domain.QuietHours;
import org.medicore.notification.domain.Recipient;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.medicore.notification.adapter.out.jooq.generated.Tables.CHANNEL_CONSENT;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.PRACTITIONER_ZONE;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.RECIPIENT;
import static org.medicore.support.postgres.TimestampColumns.column;
import static org.medicore.support.postgres.TimestampColumns.value;

/**
 * recipient, channel_consent and practitioner_zone: who is told how and with whose consent, and in
 * which zone a practitioner's calendar runs.
 */
final class JooqRecipients implements LoadRecipients, SaveRecipients, LoadPractitionerZones {

    private final DSLContext db;

    JooqRecipients(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<Recipient> find(UUID patientId) {
        return db.selectFrom(RECIPIENT).where(RECIPIENT.PATIENT_ID.eq(patientId)).fetchOptional()
                .map(row -> recipient(row, consentsOf(patientId)));
    }

    @Override
    public void saveChoices(UUID patientId, Optional<Set<Channel>> channels, Optional<QuietHours> quietHours,
                            ZoneId zone, Instant now) {
        var insert = db.insertInto(RECIPIENT)
                .set(RECIPIENT.PATIENT_ID, patientId)
                .set(RECIPIENT.TIME_ZONE, zone.getId())
                .set(RECIPIENT.UPDATED_AT, column(now));
        channels.ifPresent(chosen -> insert
                .set(RECIPIENT.EMAIL_ENABLED, chosen.contains(Channel.EMAIL))
                .set(RECIPIENT.SMS_ENABLED, chosen.contains(Channel.SMS)));
        quietHours.ifPresent(hours -> insert
                .set(RECIPIENT.QUIET_HOURS_START, hours.start())
                .set(RECIPIENT.QUIET_HOURS_END, hours.end()));
        var update = insert.onConflict(RECIPIENT.PATIENT_ID).doUpdate().set(RECIPIENT.UPDATED_AT, column(now));
        channels.ifPresent(chosen -> update
                .set(RECIPIENT.EMAIL_ENABLED, chosen.contains(Channel.EMAIL))
                .set(RECIPIENT.SMS_ENABLED, chosen.contains(Channel.SMS)));
        quietHours.ifPresent(hours -> update
                .set(RECIPIENT.QUIET_HOURS_START, hours.start())
                .set(RECIPIENT.QUIET_HOURS_END, hours.end()));
        update.execute();
    }

    @Override
    public void saveConsent(UUID patientId, ChannelConsent consent) {
        if (consent.state() == ChannelConsent.State.NOT_GIVEN) {
            db.deleteFrom(CHANNEL_CONSENT).where(CHANNEL_CONSENT.PATIENT_ID.eq(patientId))
                    .and(CHANNEL_CONSENT.CHANNEL.eq(consent.channel().name())).execute();
            return;
        }
        String state = consent.state().name();
        String source = consent.source().orElseThrow().name();
        var changedAt = column(consent.changedAt().orElseThrow());
        db.insertInto(CHANNEL_CONSENT)
                .set(CHANNEL_CONSENT.PATIENT_ID, patientId)
                .set(CHANNEL_CONSENT.CHANNEL, consent.channel().name())
                .set(CHANNEL_CONSENT.STATE, state)
                .set(CHANNEL_CONSENT.SOURCE, source)
                .set(CHANNEL_CONSENT.CHANGED_AT, changedAt)
                .onConflict(CHANNEL_CONSENT.PATIENT_ID, CHANNEL_CONSENT.CHANNEL).doUpdate()
                .set(CHANNEL_CONSENT.STATE, state)
                .set(CHANNEL_CONSENT.SOURCE, source)
                .set(CHANNEL_CONSENT.CHANGED_AT, changedAt)
                .execute();
    }

    private Map<Channel, ChannelConsent> consentsOf(UUID patientId) {
        Map<Channel, ChannelConsent> consents = new EnumMap<>(Channel.class);
        db.selectFrom(CHANNEL_CONSENT).where(CHANNEL_CONSENT.PATIENT_ID.eq(patientId)).forEach(row -> {
            Channel channel = Channel.valueOf(row.getChannel());
            consents.put(channel, new ChannelConsent(channel, ChannelConsent.State.valueOf(row.getState()),
                    Optional.of(value(row.getChangedAt())),
                    Optional.of(ChannelConsent.Source.valueOf(row.getSource()))));
        });
        return consents;
    }

    @Override
    public void saveContact(UUID patientId, PatientContact contact, ZoneId zone, Instant now) {
        // a record without a language the messages are written in leaves the row's as it is
        Field<String> language = contact.language().<Field<String>>map(l -> DSL.val(l.tag())).orElse(RECIPIENT.LANGUAGE);
        db.insertInto(RECIPIENT)
                .set(RECIPIENT.PATIENT_ID, patientId)
                .set(RECIPIENT.EMAIL, contact.email().orElse(null))
                .set(RECIPIENT.PHONE, contact.phone().orElse(null))
                .set(RECIPIENT.LANGUAGE, contact.language().orElse(Language.ENGLISH).tag())
                .set(RECIPIENT.TIME_ZONE, zone.getId())
                .set(RECIPIENT.UPDATED_AT, column(now))
                .onConflict(RECIPIENT.PATIENT_ID).doUpdate()
                .set(RECIPIENT.EMAIL, contact.email().orElse(null))
                .set(RECIPIENT.PHONE, contact.phone().orElse(null))
                .set(RECIPIENT.LANGUAGE, language)
                .set(RECIPIENT.UPDATED_AT, column(now))
                .execute();
    }

    @Override
    public Optional<ZoneId> zoneOf(String practitionerId) {
        return db.select(PRACTITIONER_ZONE.TIME_ZONE).from(PRACTITIONER_ZONE)
                .where(PRACTITIONER_ZONE.PRACTITIONER_ID.eq(practitionerId))
                .fetchOptional(PRACTITIONER_ZONE.TIME_ZONE).map(ZoneId::of);
    }

    private static Recipient recipient(RecipientRecord row, Map<Channel, ChannelConsent> consents) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (row.getEmailEnabled()) {
            channels.add(Channel.EMAIL);
        }
        if (row.getSmsEnabled()) {
            channels.add(Channel.SMS);
        }
        return new Recipient(row.getPatientId(), Optional.ofNullable(row.getEmail()), Optional.ofNullable(row.getPhone()),
                channels, consents, Language.ofTag(row.getLanguage()), ZoneId.of(row.getTimeZone()),
                new QuietHours(row.getQuietHoursStart(), row.getQuietHoursEnd()));
    }
}
