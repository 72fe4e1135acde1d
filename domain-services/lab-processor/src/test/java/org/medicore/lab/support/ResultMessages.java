package org.medicore.lab.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * HL7 v2.5.1 ORU^R01 messages as a lab's system sends them, built by the tests:
 * {@code aResultMessage().forRecord(id).named("GONZALEZ", "MARIA").bornOn("19610314").with(hemoglobin("10.9", "L"))}.
 */
public final class ResultMessages {

    private String controlId = "MSG-" + UUID.randomUUID();
    private String messageType = "ORU^R01^ORU_R01";
    private String identifiers = "";
    private String family = "GONZALEZ";
    private String given = "MARIA";
    private String birth = "19610314";
    private String collected = "20260301071500";
    private boolean patient = true;
    private final List<String> observations = new ArrayList<>();

    private ResultMessages() {
    }

    public static ResultMessages aResultMessage() {
        return new ResultMessages();
    }

    /** The clinic's record id in PID-3, as a lab echoes the placer's id back; also an MRN of the lab's own. */
    public ResultMessages forRecord(String patientId) {
        identifiers = patientId + "^^^MEDICORE^PI~A998877^^^ACME^MR";
        return this;
    }

    public ResultMessages named(String familyName, String givenName) {
        family = familyName;
        given = givenName;
        return this;
    }

    public ResultMessages bornOn(String yyyymmdd) {
        birth = yyyymmdd;
        return this;
    }

    public ResultMessages collectedAt(String hl7Time) {
        collected = hl7Time;
        return this;
    }

    public ResultMessages controlId(String id) {
        controlId = id;
        return this;
    }

    public ResultMessages ofType(String msh9) {
        messageType = msh9;
        return this;
    }

    public ResultMessages withoutPatient() {
        patient = false;
        return this;
    }

    /** An OBX: value type (NM, SN, ST, CE), LOINC code and name, value, unit, range, flag (OBX-8), status (OBX-11). */
    public ResultMessages with(String type, String loinc, String name, String value, String unit, String range,
                               String flag) {
        observations.add(String.join("|", "OBX", Integer.toString(observations.size() + 1), type,
                loinc + "^" + name + "^LN", "", value, unit, range, flag, "", "", "F"));
        return this;
    }

    public ResultMessages with(String segment) {
        observations.add(segment);
        return this;
    }

    public ResultMessages normalPanel() {
        return with("NM", "718-7", "Hemoglobin", "13.5", "g/dL", "12.0-15.5", "N")
                .with("NM", "2823-3", "Potassium", "4.2", "mmol/L", "3.5-5.1", "N")
                .with("NM", "2345-7", "Glucose", "92", "mg/dL", "70-99", "N");
    }

    public String text() {
        List<String> segments = new ArrayList<>();
        segments.add("MSH|^~\\&|LIS|ACME LAB|MEDICORE|CLINIC|20260301083000||" + messageType + "|" + controlId + "|P|2.5.1");
        if (patient) {
            segments.add("PID|1||" + identifiers + "||" + family + "^" + given + "||" + birth + "|F");
        }
        segments.add("OBR|1|ORD-1|LAB-1|CBC^Complete blood count^L|||" + collected);
        segments.addAll(observations);
        return String.join("\r", segments) + "\r";
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
