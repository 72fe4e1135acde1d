package org.medicore.lab.adapter.out.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.v251.datatype.CE;
import ca.uhn.hl7v2.model.v251.datatype.CX;
import ca.uhn.hl7v2.model.v251.datatype.XPN;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.message.ACK;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.ERR;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.model.v251.segment.PID;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.EncodingNotSupportedException;
import ca.uhn.hl7v2.preparser.PreParser;
import ca.uhn.hl7v2.util.idgenerator.UUIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import org.medicore.lab.application.port.out.ReadLabMessage;
import org.medicore.lab.domain.Acknowledgement;
import org.medicore.lab.domain.LabMessage;
import org.medicore.lab.domain.LoincCode;
import org.medicore.lab.domain.MessageFault;
import org.medicore.lab.domain.MessageFault.Kind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HL7 v2 ORU^R01 through HAPI, every version read into the 2.5.1 structures. HAPI's own
 * validation is off: a field that is not what OBX-2 says is reported here with its location,
 * which HAPI's validation does not give. Answers are ACKs with MSA, and ERR when refused.
 */
final class HapiLabMessages implements ReadLabMessage {

    private static final String LOINC = "LN";
    /** HL7 2.7's length for MSH-10; it names the report, so no longer. */
    private static final int MAX_CONTROL_ID = 199;
    private static final Pattern TIME = Pattern.compile("(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.\\d+)?([+-]\\d{4})?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");

    private final HapiContext hapi;
    private final ZoneId clinicZone;

    /** @param clinicZone the zone of times the lab sends without an offset */
    HapiLabMessages(ZoneId clinicZone) {
        this.clinicZone = clinicZone;
        this.hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        hapi.setValidationContext(ValidationContextFactory.noValidation());
        // HAPI's default numbers ACKs from a file in the working directory
        hapi.getParserConfiguration().setIdGenerator(new UUIDGenerator());
    }

    @Override
    public Reading read(byte[] bytes) {
        Message parsed;
        try {
            parsed = hapi.getPipeParser().parse(text(bytes));
        } catch (EncodingNotSupportedException notPiped) {
            return unreadable(Kind.UNSUPPORTED, "", 0, 0, "not an HL7 v2 message in the pipe (ER7) encoding");
        } catch (HL7Exception e) {
            return unreadable(Kind.MALFORMED, "MSH", 0, 0, "the message cannot be parsed: "
                    + MessageFault.excerpt(e.getMessageWithoutLocation()));
        }
        if (!(parsed instanceof ORU_R01 oru) || !"R01".equals(oru.getMSH().getMessageType().getTriggerEvent().getValue())) {
            return unreadable(Kind.UNSUPPORTED, "MSH", 0, 9, "only ORU^R01 result messages are taken, not "
                    + MessageFault.excerpt(messageType(parsed)));
        }
        try {
            return read(oru);
        } catch (Fault fault) {
            return new Unreadable(fault.fault);
        } catch (HL7Exception e) {
            return unreadable(Kind.MALFORMED, "", 0, 0, MessageFault.excerpt(e.getMessageWithoutLocation()));
        }
    }

    private Reading read(ORU_R01 oru) throws HL7Exception {
        MSH msh = oru.getMSH();
        String controlId = required(nonNull(msh.getMessageControlID().getValue()).strip(), "MSH", 10,
                "the message control id");
        if (controlId.length() > MAX_CONTROL_ID) {
            throw new Fault(Kind.MALFORMED, "MSH", 0, 10, "the message control id is longer than " + MAX_CONTROL_ID
                    + " characters");
        }
        if (oru.getPATIENT_RESULTReps() != 1) {
            throw new Fault(Kind.UNSUPPORTED, "PID", 0, 0, "one patient per message, this one has "
                    + oru.getPATIENT_RESULTReps());
        }
        var patientResult = oru.getPATIENT_RESULT();
        PID pid = patientResult.getPATIENT().getPID();
        if (pid.isEmpty()) {
            throw new Fault(Kind.MISSING, "PID", 0, 0, "the message names no patient (no PID segment)");
        }
        List<LabMessage.Identifier> identifiers = new ArrayList<>();
        for (CX cx : pid.getPatientIdentifierList()) {
            identifiers.add(new LabMessage.Identifier(value(cx.getIDNumber()),
                    value(cx.getAssigningAuthority().getNamespaceID()), value(cx.getIdentifierTypeCode())));
        }
        XPN name = pid.getPatientName(0);
        String given = (value(name.getGivenName()) + " " + value(name.getSecondAndFurtherGivenNamesOrInitialsThereof())).strip();
        Optional<LocalDate> birthDate = optional(pid.getDateTimeOfBirth().getTime().getValue())
                .map(time -> date(time, "PID", 0, 7));

        List<LabMessage.Observation> observations = new ArrayList<>();
        Optional<Instant> collectedAt = Optional.empty();
        int sequence = 0;
        for (ORU_R01_ORDER_OBSERVATION order : patientResult.getORDER_OBSERVATIONAll()) {
            if (collectedAt.isEmpty()) {
                collectedAt = optional(order.getOBR().getObservationDateTime().getTime().getValue())
                        .map(time -> instant(time, "OBR", 0, 7));
            }
            for (ORU_R01_OBSERVATION observation : order.getOBSERVATIONAll()) {
                observations.add(observation(observation.getOBX(), ++sequence));
            }
        }
        if (observations.isEmpty()) {
            throw new Fault(Kind.MISSING, "OBX", 0, 0, "the message carries no observation (no OBX segment)");
        }
        return new Read(new LabMessage(value(msh.getSendingApplication().getNamespaceID()) + "^"
                + value(msh.getSendingFacility().getNamespaceID()), controlId, identifiers,
                value(name.getFamilyName().getSurname()), given, birthDate, collectedAt, observations));
    }

    private LabMessage.Observation observation(OBX obx, int sequence) throws HL7Exception {
        CE test = obx.getObservationIdentifier();
        Optional<LoincCode> loinc = LOINC.equals(value(test.getNameOfCodingSystem())) && !value(test.getIdentifier()).isEmpty()
                ? Optional.of(new LoincCode(value(test.getIdentifier())))
                : LOINC.equals(value(test.getNameOfAlternateCodingSystem())) && !value(test.getAlternateIdentifier()).isEmpty()
                ? Optional.of(new LoincCode(value(test.getAlternateIdentifier()))) : Optional.empty();
        String testName = firstOf(value(test.getText()), value(test.getAlternateText()), value(test.getIdentifier()));
        required(testName, "OBX", 3, sequence, "the observation's test");
        String status = value(obx.getObservationResultStatus());
        String type = value(obx.getValueType());
        String value = obx.getObservationValueReps() == 0 ? "" : text(obx.getObservationValue(0).getData());
        Optional<Double> number = Optional.empty();
        switch (type) {
            case "NM" -> {
                if (!value.isEmpty() && !NUMBER.matcher(value.strip()).matches()) {
                    throw new Fault(Kind.MALFORMED, "OBX", sequence, 5, "'" + MessageFault.excerpt(value)
                            + "' is not a number, as OBX-2 (NM) says it is");
                }
                number = value.isEmpty() ? Optional.empty() : Optional.of(Double.parseDouble(value.strip()));
            }
            case "SN" -> {
                Type data = obx.getObservationValue(0).getData();
                String comparator = component(data, 0);
                String first = component(data, 1);
                if (!first.isEmpty() && !NUMBER.matcher(first).matches()) {
                    throw new Fault(Kind.MALFORMED, "OBX", sequence, 5, "'" + MessageFault.excerpt(first)
                            + "' is not a number, as OBX-2 (SN) says it is");
                }
                value = comparator + first + component(data, 2) + component(data, 3);
                if ((comparator.isEmpty() || comparator.equals("=")) && component(data, 2).isEmpty() && !first.isEmpty()) {
                    number = Optional.of(Double.parseDouble(first));
                }
            }
            default -> {
                // ST, TX, FT, CE, CWE: kept as text
            }
        }
        return new LabMessage.Observation(sequence, testName, loinc, value.strip(), number,
                firstOf(value(obx.getUnits().getIdentifier()), value(obx.getUnits().getText())),
                value(obx.getReferencesRange()), obx.getAbnormalFlagsReps() == 0 ? "" : value(obx.getAbnormalFlags(0)),
                status);
    }

    @Override
    public String acknowledge(byte[] bytes, Acknowledgement acknowledgement) {
        String text = text(bytes);
        try {
            Message ack = switch (acknowledgement) {
                case Acknowledgement.Accepted accepted -> accepted(text, accepted);
                case Acknowledgement.Refused refused -> refused(text, refused.fault());
            };
            return hapi.getPipeParser().encode(ack);
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("HAPI could not write an ACK", e);
        }
    }

    private Message accepted(String text, Acknowledgement.Accepted accepted) throws HL7Exception, IOException {
        ACK ack = (ACK) hapi.getPipeParser().parse(text).generateACK(AcknowledgmentCode.AA, null);
        ack.getMSA().getTextMessage().setValue(accepted.note());
        return ack;
    }

    private Message refused(String text, MessageFault fault) throws HL7Exception, IOException {
        AcknowledgmentCode code = fault.kind() == Kind.UNSUPPORTED ? AcknowledgmentCode.AR : AcknowledgmentCode.AE;
        ACK ack;
        try {
            ack = (ACK) hapi.getPipeParser().parse(text).generateACK(code, null);
        } catch (HL7Exception | ClassCastException unparsable) {
            ack = new ACK(hapi.getModelClassFactory());
            ack.setParser(hapi.getPipeParser());
            ack.initQuickstart("ACK", "", "P");
            ack.getMSA().getAcknowledgmentCode().setValue(code.name());
            ack.getMSA().getMessageControlID().setValue(controlIdOf(text));
        }
        ERR err = ack.getERR();
        if (!fault.segment().isEmpty()) {
            err.getErrorLocation(0).getSegmentID().setValue(fault.segment());
            if (fault.sequence() > 0) {
                err.getErrorLocation(0).getSegmentSequence().setValue(Integer.toString(fault.sequence()));
            }
            if (fault.field() > 0) {
                err.getErrorLocation(0).getFieldPosition().setValue(Integer.toString(fault.field()));
            }
        }
        ErrorCode error = switch (fault.kind()) {
            case UNSUPPORTED -> ErrorCode.UNSUPPORTED_MESSAGE_TYPE;
            case MISSING -> ErrorCode.REQUIRED_FIELD_MISSING;
            case MALFORMED -> ErrorCode.DATA_TYPE_ERROR;
            case UNKNOWN_PATIENT -> ErrorCode.UNKNOWN_KEY_IDENTIFIER;
        };
        err.getHL7ErrorCode().getIdentifier().setValue(Integer.toString(error.getCode()));
        err.getHL7ErrorCode().getText().setValue(error.getMessage());
        err.getHL7ErrorCode().getNameOfCodingSystem().setValue("HL70357");
        err.getSeverity().setValue("E");
        err.getDiagnosticInformation().setValue(fault.location() + ": " + fault.detail());
        ack.getMSA().getTextMessage().setValue(fault.detail());
        return ack;
    }

    private static String controlIdOf(String text) {
        try {
            String[] fields = PreParser.getFields(text, "MSH-10");
            return fields.length == 0 || fields[0] == null ? "" : MessageFault.excerpt(fields[0]);
        } catch (HL7Exception | RuntimeException noHeader) {
            return "";
        }
    }

    /** HL7 v2 separates segments with CR; files from labs often carry LF or CRLF. */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "").strip().replaceAll("\r\n|\n", "\r");
    }

    private static String messageType(Message message) {
        try {
            return new ca.uhn.hl7v2.util.Terser(message).get("/MSH-9-1") + "^"
                    + new ca.uhn.hl7v2.util.Terser(message).get("/MSH-9-2");
        } catch (HL7Exception e) {
            return message.getName();
        }
    }

    private LocalDate date(String time, String segment, int sequence, int field) {
        Matcher m = TIME.matcher(time.strip());
        if (!m.matches() || m.group(3) == null) {
            throw new Fault(Kind.MALFORMED, segment, sequence, field, "'" + MessageFault.excerpt(time) + "' is not a date");
        }
        try {
            return LocalDate.parse(m.group(1) + m.group(2) + m.group(3), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new Fault(Kind.MALFORMED, segment, sequence, field, "'" + MessageFault.excerpt(time) + "' is not a date");
        }
    }

    private Instant instant(String time, String segment, int sequence, int field) {
        LocalDate day = date(time, segment, sequence, field);
        Matcher m = TIME.matcher(time.strip());
        m.matches();
        try {
            LocalDateTime local = day.atTime(number(m.group(4)), number(m.group(5)), number(m.group(6)));
            ZoneId zone = m.group(7) == null ? clinicZone : ZoneOffset.of(m.group(7));
            return local.atZone(zone).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new Fault(Kind.MALFORMED, segment, sequence, field, "'" + MessageFault.excerpt(time) + "' is not a time");
        }
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static String required(String value, String segment, int field, String what) {
        return required(value, segment, field, 0, what);
    }

    private static String required(String value, String segment, int field, int sequence, String what) {
        if (value.isBlank()) {
            throw new Fault(Kind.MISSING, segment, sequence, field, what + " is missing");
        }
        return value;
    }

    private static String text(Type data) {
        if (data instanceof Primitive primitive) {
            return nonNull(primitive.getValue());
        }
        if (data instanceof Composite composite) {
            // a coded answer (CE/CWE): its text, else its code
            return firstOf(component(composite, 1), component(composite, 0));
        }
        return "";
    }

    private static String component(Type data, int index) {
        if (data instanceof Composite composite && index < composite.getComponents().length) {
            return text(composite.getComponents()[index]);
        }
        if (data instanceof ca.uhn.hl7v2.model.Varies varies) {
            return component(varies.getData(), index);
        }
        return index == 0 && data instanceof Primitive primitive ? nonNull(primitive.getValue()) : "";
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (!value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static String value(Primitive primitive) {
        return nonNull(primitive.getValue()).strip();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static Unreadable unreadable(Kind kind, String segment, int sequence, int field, String detail) {
        return new Unreadable(new MessageFault(kind, segment, sequence, field, detail));
    }

    /** A fault found deep in the message, carried out to {@link #read(byte[])} in one throw. */
    private static final class Fault extends RuntimeException {

        private final transient MessageFault fault;

        Fault(Kind kind, String segment, int sequence, int field, String detail) {
            super(detail, null, false, false);
            this.fault = new MessageFault(kind, segment, sequence, field, detail);
        }
    }
}
