package org.medicore.analytics.adapter.proto;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import org.medicore.analytics.domain.CareUnit;
import org.medicore.analytics.domain.ClinicEvent;
import org.medicore.analytics.domain.Money;
import org.medicore.analytics.domain.TimeSlot;
import org.medicore.contracts.events.v1.AnalyticsWindow;
import org.medicore.contracts.events.v1.InvoiceIssued;
import org.medicore.contracts.events.v1.InvoiceVoided;
import org.medicore.contracts.events.v1.PatientRegistered;
import org.medicore.contracts.events.v1.PaymentRecorded;
import org.medicore.contracts.events.v1.RollingFigures;
import org.medicore.contracts.events.v2.AppointmentBooked;
import org.medicore.contracts.events.v2.AppointmentCancelled;
import org.medicore.contracts.events.v2.AppointmentCompleted;
import org.medicore.contracts.events.v2.AppointmentEventVersions;
import org.medicore.contracts.events.v2.AppointmentFacts;
import org.medicore.contracts.events.v2.AppointmentNoShow;
import org.medicore.contracts.events.v2.AppointmentRescheduled;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.medicore.support.mapping.ProtoConversions.instant;

/**
 * The event messages of the contracts as analytics reads and writes them: the proto3 JSON form,
 * the envelope fields every event shares (event_id = 1, occurred_at = 2), and the mapping of
 * the counted events into the domain. The one place where contracts meet the domain on the way in.
 * Appointment events of either version (v1 stays on the topic for its retention) are read as
 * medicore.events.v2, so the topology and the domain see one form.
 */
public final class EventMessages {

    private static final int EVENT_ID_FIELD = 1;
    private static final int OCCURRED_AT_FIELD = 2;

    private final Map<String, Message> prototypes;

    private EventMessages(Stream<Message> prototypes) {
        this.prototypes = prototypes.collect(Collectors.toUnmodifiableMap(EventMessages::typeName, Function.identity()));
    }

    /**
     * The events analytics counts, appointment events of both versions; the others on its topics
     * (InvoicePaid, an appointment outside working hours, ...) change no figure.
     */
    public static EventMessages counted() {
        return new EventMessages(Stream.of(AppointmentBooked.getDefaultInstance(), AppointmentCancelled.getDefaultInstance(),
                AppointmentRescheduled.getDefaultInstance(), AppointmentCompleted.getDefaultInstance(),
                AppointmentNoShow.getDefaultInstance(), org.medicore.contracts.events.v1.AppointmentBooked.getDefaultInstance(),
                org.medicore.contracts.events.v1.AppointmentCancelled.getDefaultInstance(),
                org.medicore.contracts.events.v1.AppointmentRescheduled.getDefaultInstance(),
                org.medicore.contracts.events.v1.AppointmentCompleted.getDefaultInstance(),
                org.medicore.contracts.events.v1.AppointmentNoShow.getDefaultInstance(), PatientRegistered.getDefaultInstance(),
                InvoiceIssued.getDefaultInstance(), InvoiceVoided.getDefaultInstance(), PaymentRecorded.getDefaultInstance()));
    }

    /** The events analytics publishes. */
    public static EventMessages published() {
        return new EventMessages(Stream.of(AnalyticsWindow.getDefaultInstance(), RollingFigures.getDefaultInstance()));
    }

    /** The full message name, as the {@code event-type} header carries it. */
    public static String typeName(Message message) {
        return message.getDescriptorForType().getFullName();
    }

    /** The event of {@code type} read from its proto3 JSON form; empty for a type not among these events. */
    public Optional<Message> fromJson(String type, String json) throws InvalidProtocolBufferException {
        Message prototype = prototypes.get(type);
        if (prototype == null) {
            return Optional.empty();
        }
        Message.Builder builder = prototype.newBuilderForType();
        JsonFormat.parser().ignoringUnknownFields().merge(json, builder);
        return Optional.of(inOneVersion(builder.build()));
    }

    /** The event of {@code type} read from its binary form; empty for a type not among these events. */
    public Optional<Message> fromBinary(String type, ByteString bytes) throws InvalidProtocolBufferException {
        Message prototype = prototypes.get(type);
        return prototype == null ? Optional.empty() : Optional.of(inOneVersion(prototype.getParserForType().parseFrom(bytes)));
    }

    private static Message inOneVersion(Message event) {
        return AppointmentEventVersions.builderFor(typeName(event)).isPresent() ? AppointmentEventVersions.asV2(event) : event;
    }

    public static String toJson(Message message) {
        try {
            return JsonFormat.printer().omittingInsignificantWhitespace().print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not printable as JSON: " + typeName(message), e);
        }
    }

    public static String eventId(Message event) {
        return (String) event.getField(field(event, EVENT_ID_FIELD));
    }

    public static Instant occurredAt(Message event) {
        return instant((Timestamp) event.getField(field(event, OCCURRED_AT_FIELD)));
    }

    /** The counted event in the domain's words. */
    public static ClinicEvent toDomain(Message event) {
        return switch (event) {
            case AppointmentBooked e -> new ClinicEvent.AppointmentBooked(e.getEventId(), instant(e.getOccurredAt()),
                    e.getAppointment().getAppointmentId(), careUnit(e.getAppointment()), slot(e.getAppointment()));
            case AppointmentCancelled e -> new ClinicEvent.AppointmentCancelled(e.getEventId(), instant(e.getOccurredAt()),
                    e.getAppointment().getAppointmentId(), careUnit(e.getAppointment()), slot(e.getAppointment()), e.getLate());
            case AppointmentRescheduled e -> new ClinicEvent.AppointmentRescheduled(e.getEventId(), instant(e.getOccurredAt()),
                    e.getAppointment().getAppointmentId(), careUnit(e.getAppointment()),
                    slot(e.getPreviousStart(), e.getPreviousEnd()), slot(e.getAppointment()));
            case AppointmentCompleted e -> new ClinicEvent.AppointmentCompleted(e.getEventId(), instant(e.getOccurredAt()),
                    e.getAppointment().getAppointmentId(), careUnit(e.getAppointment()), slot(e.getAppointment()));
            case AppointmentNoShow e -> new ClinicEvent.AppointmentNoShow(e.getEventId(), instant(e.getOccurredAt()),
                    e.getAppointment().getAppointmentId(), careUnit(e.getAppointment()), slot(e.getAppointment()));
            case PatientRegistered e -> new ClinicEvent.PatientRegistered(e.getEventId(), instant(e.getOccurredAt()),
                    e.getRegisteredAtClinicId());
            case InvoiceIssued e -> new ClinicEvent.InvoiceIssued(e.getEventId(), instant(e.getOccurredAt()),
                    careUnit(e.getClinicId(), e.getDepartment(), e.getPractitionerId()), money(e.getTotal()));
            case InvoiceVoided e -> new ClinicEvent.InvoiceVoided(e.getEventId(), instant(e.getOccurredAt()),
                    careUnit(e.getClinicId(), e.getDepartment(), e.getPractitionerId()), money(e.getTotal()),
                    instant(e.hasIssuedAt() ? e.getIssuedAt() : e.getOccurredAt()));
            case PaymentRecorded e -> new ClinicEvent.PaymentRecorded(e.getEventId(), instant(e.getOccurredAt()),
                    careUnit(e.getClinicId(), e.getDepartment(), e.getPractitionerId()), money(e.getAmount()));
            default -> throw new IllegalArgumentException("analytics does not count " + typeName(event));
        };
    }

    private static FieldDescriptor field(Message event, int number) {
        return event.getDescriptorForType().findFieldByNumber(number);
    }

    private static CareUnit careUnit(AppointmentFacts appointment) {
        return careUnit(appointment.getClinicId(), appointment.getDepartment(), appointment.getPractitionerId());
    }

    private static TimeSlot slot(AppointmentFacts appointment) {
        return slot(appointment.getStart(), appointment.getEnd());
    }

    private static CareUnit careUnit(String clinicId, String department, String practitionerId) {
        return new CareUnit(clinicId, department, practitionerId);
    }

    private static TimeSlot slot(Timestamp start, Timestamp end) {
        return new TimeSlot(instant(start), instant(end));
    }

    private static Money money(org.medicore.contracts.common.v1.Money money) {
        return new Money(money.getAmountMinor(), money.getCurrency());
    }
}
