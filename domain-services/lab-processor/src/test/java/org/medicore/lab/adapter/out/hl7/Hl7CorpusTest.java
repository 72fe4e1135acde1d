package org.medicore.lab.adapter.out.hl7;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medicore.lab.application.port.out.ReadLabMessage;
import org.medicore.lab.domain.Acknowledgement;
import org.medicore.lab.domain.LabValue;
import org.medicore.lab.domain.MessageReading;
import org.medicore.lab.domain.PatientMatch;
import org.medicore.lab.domain.PatientRecord;
import org.medicore.lab.domain.ReviewFinding;
import org.medicore.lab.support.ResultMessages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HL7 part of the lab corpus ({@code lab-corpus/hl7-messages.json}): every message is built as a
 * lab sends it, read by HAPI, judged by the review rules and compared with its expected values,
 * flags, codes, findings and answer, 100 % of them.
 */
class Hl7CorpusTest {

    private static final JsonNode CORPUS = corpus();
    private static final JsonNode RECORD = CORPUS.get("record");

    private final HapiLabMessages messages = new HapiLabMessages(ZoneId.of("Europe/Berlin"));

    static List<JsonNode> messages() {
        return StreamSupport.stream(CORPUS.get("messages").spliterator(), false).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void every_message_reads_as_the_corpus_expects(JsonNode expected) {
        byte[] message = build(expected);

        ReadLabMessage.Reading reading = messages.read(message);

        if (!expected.get("ack").asString().equals("AA")) {
            assertThat(reading).isInstanceOfSatisfying(ReadLabMessage.Unreadable.class, unreadable ->
                    assertThat(messages.acknowledge(message, new Acknowledgement.Refused(unreadable.fault())))
                            .contains("\rMSA|" + expected.get("ack").asString() + "|").contains("\rERR|"));
            return;
        }
        assertThat(reading).isInstanceOf(ReadLabMessage.Read.class);
        MessageReading judged = MessageReading.of(((ReadLabMessage.Read) reading).message(), "MEDICORE");
        List<ReviewFinding> findings = new ArrayList<>(judged.findings());
        PatientMatch.check(judged.identity(), new PatientRecord(RECORD.get("id").asString(),
                RECORD.get("given").asString(), RECORD.get("family").asString(),
                Optional.of(LocalDate.parse(RECORD.get("born").asString())))).ifPresent(findings::add);

        assertThat(judged.values()).extracting(LabValue::testName, LabValue::value, LabValue::unit, LabValue::printedUnit,
                        value -> value.flag().name(), value -> value.code().map(code -> code.value()).orElse(""))
                .containsExactlyElementsOf(rows(expected.get("values")));
        assertThat(findings.isEmpty() ? "PROCESSED" : "NEEDS_REVIEW").isEqualTo(expected.get("status").asString());
        assertThat(findings).hasSameSizeAs(expected.get("findings"));
        for (JsonNode finding : expected.get("findings")) {
            assertThat(findings).anySatisfy(found -> {
                assertThat(found.kind().name()).isEqualTo(finding.get(0).asString());
                assertThat(found.line() + " " + found.reason()).contains(finding.get(1).asString());
            });
        }
    }

    private static byte[] build(JsonNode expected) {
        ResultMessages message = ResultMessages.aResultMessage().forRecord(RECORD.get("id").asString())
                .named(expected.get("name").get(0).asString(), expected.get("name").get(1).asString())
                .bornOn(expected.get("born").asString());
        int set = 0;
        for (JsonNode obx : expected.get("observations")) {
            message.with(String.join("|", "OBX", Integer.toString(++set), obx.get(0).asString(),
                    obx.get(1).asString() + "^" + obx.get(2).asString() + "^LN", "", obx.get(3).asString(),
                    obx.get(4).asString(), obx.get(5).asString(), obx.get(6).asString(), "", "", obx.get(7).asString()));
        }
        return message.bytes();
    }

    private static List<Tuple> rows(JsonNode values) {
        List<Tuple> rows = new ArrayList<>();
        for (JsonNode value : values) {
            rows.add(new Tuple(StreamSupport.stream(value.spliterator(), false).map(JsonNode::asString).toArray()));
        }
        return rows;
    }

    private static JsonNode corpus() {
        try (InputStream in = Hl7CorpusTest.class.getClassLoader().getResourceAsStream("lab-corpus/hl7-messages.json")) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("lab-corpus/hl7-messages.json is unreadable", e);
        }
    }
}
