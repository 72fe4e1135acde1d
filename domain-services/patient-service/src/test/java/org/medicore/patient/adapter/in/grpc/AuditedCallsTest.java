package org.medicore.patient.adapter.in.grpc;

import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.TestTokens;
import org.medicore.support.audit.TestStackAuditTrail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.patient.ProtoRequests.aRegistration;

/** The service's calls land in the real audit trail, refused ones included, without clinical values. */
class AuditedCallsTest extends EndpointOverRealChannelTest {

    @Test
    void registrationReadsAndRefusalsAreRecordedInTheAuditTrail() throws SQLException {
        String owner = UUID.randomUUID().toString();
        String doctor = "doctor-" + UUID.randomUUID();
        String family = "Audited" + UUID.randomUUID().toString().substring(0, 8);
        String patientId = as(TestTokens.forSubject(owner, "PATIENT")).registerPatient(aRegistration(family).build())
                .getPatient().getId();

        as(TestTokens.forSubject(doctor, "DOCTOR")).getPatient(GetPatientRequest.newBuilder().setPatientId(patientId).build());
        String before = lastPosition();
        assertThatThrownBy(() -> client.anonymous().getPatient(GetPatientRequest.newBuilder().setPatientId(patientId).build()))
                .isInstanceOf(StatusRuntimeException.class);

        assertThat(recordsOf(patientId)).containsExactly(
                owner + " [PATIENT] RegisterPatient CHANGE ALLOWED",
                doctor + " [DOCTOR] GetPatient READ ALLOWED");
        // the token check refuses before the request is read, so the refusal names no patient
        assertThat(query("select subject || ' ' || operation || ' ' || outcome from audit.access_record"
                + " where position > ?::bigint", row -> row.getString(1), before))
                .contains("anonymous GetPatient DENIED");
        assertThat(String.join("\n", fieldsOf(patientId))).contains("name.family", "date_of_birth").doesNotContain(family, "1985");
    }

    private static List<String> recordsOf(String patientId) {
        return TestStackAuditTrail.recordsOfPatient(patientId).stream().map(record -> record.subject() + " ["
                + String.join(",", record.roles()) + "] " + record.operation() + " " + record.action() + " " + record.outcome())
                .toList();
    }

    private static List<String> fieldsOf(String patientId) {
        return TestStackAuditTrail.recordsOfPatient(patientId).stream()
                .map(record -> String.join(",", record.fieldsChanged())).toList();
    }

    private static String lastPosition() throws SQLException {
        return query("select coalesce(max(position), 0)::text from audit.access_record", row -> row.getString(1)).getFirst();
    }

    private interface Row {
        String read(ResultSet row) throws SQLException;
    }

    private static List<String> query(String sql, Row row, String... parameters) throws SQLException {
        try (Connection reader = DriverManager.getConnection(TestStack.postgres().jdbcUrl(AuditDatabase.NAME),
                AuditDatabase.READER, AuditDatabase.READER_PASSWORD);
             PreparedStatement statement = reader.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row.read(result));
                }
            }
            return rows;
        }
    }
}
