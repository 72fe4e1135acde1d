package org.medicore.support.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Erasure as {@code medicore_audit_eraser}, the one role that may delete a key: the keys go and the erasure's own
 * record is appended in one transaction, so there is never one without the other. The record names the patient only
 * by pseudonym: asked later whether a patient was erased, the clinic can answer from the trail, yet the trail holds
 * nothing that reads as them.
 */
public final class PostgresErasure implements ForgetPatient {

    static final String SERVICE = "medicore.audit.Erasure";

    private final DataSource eraser;
    private final AuditKeys keys;
    private final Clock clock;

    public PostgresErasure(DataSource eraser, AuditKeys keys, Clock clock) {
        this.eraser = eraser;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public PatientForgotten forget(ForgetPatientCommand command) {
        try (Connection connection = eraser.getConnection()) {
            connection.setAutoCommit(false);
            try {
                PatientForgotten forgotten = forget(command, connection);
                connection.commit();
                return forgotten;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not forget the patient: " + e.getMessage(), e);
        }
    }

    private PatientForgotten forget(ForgetPatientCommand command, Connection connection) throws SQLException {
        PatientKeys patientKeys = keys.over(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
        List<String> persons = new ArrayList<>(List.of(command.patientId()));
        command.accountSubject().ifPresent(persons::add);
        int destroyed = 0;
        List<String> pseudonyms = new ArrayList<>();
        for (String person : persons) {
            destroyed += patientKeys.forget(person) ? 1 : 0;
            pseudonyms.add("pseudonym:" + patientKeys.pseudonymOf(person));
        }
        AccessRecord erasure = new AccessRecord(clock.instant().truncatedTo(ChronoUnit.MICROS), command.erasedBy(),
                List.of("ADMIN"), "", SERVICE, "ForgetPatient", Action.CHANGE, "Patient", pseudonyms, List.of(), List.of(),
                "", "", Outcome.ALLOWED, "OK", "");
        new StoredRecord(erasure, StoredRecord.Personal.asIs(erasure), List.of(), command.approvedBy()).insertInto(connection);
        return new PatientForgotten(pseudonyms.getFirst().substring("pseudonym:".length()), destroyed);
    }
}
