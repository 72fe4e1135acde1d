package org.medicore.lab.adapter.out.hl7;

import org.junit.jupiter.api.Test;
import org.medicore.lab.application.port.out.ReadLabMessage;
import org.medicore.lab.domain.Acknowledgement;
import org.medicore.lab.domain.LabMessage;
import org.medicore.lab.domain.LoincCode;
import org.medicore.lab.domain.MessageFault;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.lab.support.ResultMessages.aResultMessage;

class HapiLabMessagesTest {

    private static final String RECORD = "5f0c1a52-3b1e-4a43-9a57-0d7f4f1a2b3c";

    private final HapiLabMessages messages = new HapiLabMessages(ZoneId.of("Europe/Berlin"));

    @Test
    void a_result_message_gives_the_patient_it_names_and_every_observation_as_the_lab_sent_it() {
        LabMessage message = read(aResultMessage().forRecord(RECORD).named("GONZALEZ", "MARIA").bornOn("19610314")
                .controlId("MSG0001").collectedAt("20260301071500")
                .with("NM", "718-7", "Hemoglobin", "10.9", "g/dL", "12.0-15.5", "L")
                .with("SN", "777-3", "Platelets", ">^450", "10*3/uL", "150-400", "H")
                .with("ST", "5804-0", "Protein", "Negative", "", "neg", "N")
                .with("OBX|4|NM|K^Potassium^L^2823-3^Potassium^LN||6.9|mmol/L|3.5-5.1|HH|||F").bytes());

        assertThat(message.controlId()).isEqualTo("MSG0001");
        assertThat(message.sender()).isEqualTo("LIS^ACME LAB");
        assertThat(message.recordId("MEDICORE")).contains(RECORD);
        assertThat(message.familyName()).isEqualTo("GONZALEZ");
        assertThat(message.givenNames()).isEqualTo("MARIA");
        assertThat(message.birthDate()).contains(LocalDate.of(1961, 3, 14));
        assertThat(message.collectedAt()).contains(Instant.parse("2026-03-01T06:15:00Z"));
        assertThat(message.observations()).containsExactly(
                new LabMessage.Observation(1, "Hemoglobin", Optional.of(new LoincCode("718-7")), "10.9", Optional.of(10.9),
                        "g/dL", "12.0-15.5", "L", "F"),
                new LabMessage.Observation(2, "Platelets", Optional.of(new LoincCode("777-3")), ">450", Optional.empty(),
                        "10*3/uL", "150-400", "H", "F"),
                new LabMessage.Observation(3, "Protein", Optional.of(new LoincCode("5804-0")), "Negative", Optional.empty(),
                        "", "neg", "N", "F"),
                new LabMessage.Observation(4, "Potassium", Optional.of(new LoincCode("2823-3")), "6.9", Optional.of(6.9),
                        "mmol/L", "3.5-5.1", "HH", "F"));
    }

    @Test
    void a_file_with_line_feeds_between_segments_is_read_as_well() {
        String withLineFeeds = aResultMessage().forRecord(RECORD).normalPanel().text().replace('\r', '\n');

        assertThat(read(withLineFeeds.getBytes(StandardCharsets.UTF_8)).observations()).hasSize(3);
    }

    @Test
    void a_value_that_is_not_the_number_obx_2_announces_is_refused_with_its_place_and_a_bounded_excerpt() {
        String hostile = "abc".repeat(2_000);
        MessageFault fault = unreadable(aResultMessage().forRecord(RECORD).normalPanel()
                .with("NM", "2951-2", "Sodium", hostile, "mmol/L", "136-145", "").bytes());

        assertThat(fault.kind()).isEqualTo(MessageFault.Kind.MALFORMED);
        assertThat(fault.location()).isEqualTo("OBX-5 (OBX 4)");
        assertThat(fault.detail()).hasSizeLessThan(100).contains("is not a number");
    }

    @Test
    void a_message_without_a_patient_or_without_observations_is_refused_as_missing_what_it_needs() {
        assertThat(unreadable(aResultMessage().withoutPatient().normalPanel().bytes()))
                .extracting(MessageFault::kind, MessageFault::segment).containsExactly(MessageFault.Kind.MISSING, "PID");
        assertThat(unreadable(aResultMessage().forRecord(RECORD).bytes()))
                .extracting(MessageFault::kind, MessageFault::segment).containsExactly(MessageFault.Kind.MISSING, "OBX");
    }

    @Test
    void other_message_types_and_other_encodings_are_not_taken() {
        assertThat(unreadable(aResultMessage().forRecord(RECORD).ofType("ADT^A01^ADT_A01").normalPanel().bytes()))
                .extracting(MessageFault::kind, MessageFault::location)
                .containsExactly(MessageFault.Kind.UNSUPPORTED, "MSH-9");
        assertThat(unreadable("%PDF-1.7 not a message".getBytes(StandardCharsets.UTF_8)).kind())
                .isEqualTo(MessageFault.Kind.UNSUPPORTED);
    }

    @Test
    void an_accepted_message_is_answered_aa_with_its_control_id() {
        byte[] message = aResultMessage().forRecord(RECORD).controlId("MSG0042").normalPanel().bytes();

        String ack = messages.acknowledge(message, new Acknowledgement.Accepted("r-1", "report r-1 PROCESSED"));

        assertThat(ack).startsWith("MSH|^~\\&|MEDICORE|CLINIC|LIS|ACME LAB|")
                .contains("\rMSA|AA|MSG0042|report r-1 PROCESSED");
    }

    @Test
    void a_refused_message_is_answered_ae_with_err_naming_the_segment_field_and_hl7_error_code() {
        byte[] message = aResultMessage().forRecord(RECORD).controlId("MSG0043").normalPanel()
                .with("NM", "2951-2", "Sodium", "abc", "mmol/L", "136-145", "").bytes();

        String ack = messages.acknowledge(message, new Acknowledgement.Refused(unreadable(message)));

        assertThat(ack).contains("\rMSA|AE|MSG0043|").contains("\rERR||OBX^4^5|102^Data type error^HL70357|E|");
    }

    @Test
    void an_unparsable_message_is_answered_ar_all_the_same_and_no_file_is_written_to_number_acks() {
        byte[] garbage = "MSH|^~\\&|LIS|ACME|||x||ORU^R01|MSG9|P|2.5.1\rOBX|1|NM|x".getBytes(StandardCharsets.UTF_8);
        byte[] notHl7 = "%PDF-1.7".getBytes(StandardCharsets.UTF_8);

        assertThat(messages.acknowledge(notHl7, new Acknowledgement.Refused(unreadable(notHl7))))
                .contains("\rMSA|AR|").contains("\rERR|");
        assertThat(messages.acknowledge(garbage, new Acknowledgement.Refused(
                new MessageFault(MessageFault.Kind.MALFORMED, "MSH", 0, 0, "cannot be parsed")))).contains("\rMSA|AE|MSG9");
        assertThat(Files.exists(Path.of("id_file"))).isFalse();
    }

    private LabMessage read(byte[] message) {
        ReadLabMessage.Reading reading = messages.read(message);
        assertThat(reading).isInstanceOf(ReadLabMessage.Read.class);
        return ((ReadLabMessage.Read) reading).message();
    }

    private MessageFault unreadable(byte[] message) {
        ReadLabMessage.Reading reading = messages.read(message);
        assertThat(reading).isInstanceOf(ReadLabMessage.Unreadable.class);
        return ((ReadLabMessage.Unreadable) reading).fault();
    }
}
