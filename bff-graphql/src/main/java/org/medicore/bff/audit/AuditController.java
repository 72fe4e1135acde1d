package org.medicore.bff.audit;

import graphql.GraphQLContext;
import org.medicore.bff.error.Forbidden;
import org.medicore.bff.error.InvalidArgument;
import org.medicore.bff.graphql.Connection;
import org.medicore.bff.graphql.PageSize;
import org.medicore.bff.grpc.Caller;
import org.medicore.support.security.RealmRoles;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.support.audit.AuditChainCheck;
import org.medicore.support.audit.AuditFilter;
import org.medicore.support.audit.AuditTrailReader;
import org.medicore.support.audit.RecordedAccess;
import org.medicore.support.validation.PlainText;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.function.UnaryOperator;

/** The audit trail for administrators, and each patient's own access log. */
@Controller
class AuditController {

    private static final String ADMIN = "ADMIN";

    private final AuditTrailReader trail;

    AuditController(AuditTrailReader trail) {
        this.trail = trail;
    }

    @QueryMapping
    Connection<RecordedAccess> auditTrail(@Argument AuditFilter filter, @Argument Integer first, @Argument String after,
                                        GraphQLContext context) {
        requireAdministrator(context);
        AuditFilter asked = filter == null ? AuditFilter.NONE : filter;
        plainText("filter.patientId", asked.patientId());
        plainText("filter.subject", asked.subject());
        return page(asked, first, after, UnaryOperator.identity());
    }

    /** The services' one rule for text, here where the BFF itself reads the trail's database (PostgreSQL refuses NUL). */
    private static void plainText(String field, String value) {
        if (value != null && !PlainText.allowed(value, false)) {
            throw new InvalidArgument(field, PlainText.ONE_LINE);
        }
    }

    @QueryMapping
    AuditChainCheck auditChain(GraphQLContext context) {
        requireAdministrator(context);
        return trail.checkChain();
    }

    @SchemaMapping(typeName = "Patient", field = "accessLog")
    Connection<RecordedAccess> accessLog(Patient patient, @Argument Integer first, @Argument String after,
                                       GraphQLContext context) {
        Caller caller = Caller.of(context);
        if (caller.is(ADMIN)) {
            return page(AuditFilter.ofPatient(patient.getId()), first, after, UnaryOperator.identity());
        }
        if (caller.subject().filter(patient.getId()::equals).isEmpty()) {
            throw new Forbidden("only the patient themself and administrators see who accessed a record");
        }
        return page(AuditFilter.ofPatient(patient.getId()), first, after, record -> asSeenBy(record, patient.getId()));
    }

    private Connection<RecordedAccess> page(AuditFilter filter, Integer first, String after, UnaryOperator<RecordedAccess> view) {
        int size = PageSize.of(first, "first");
        List<RecordedAccess> records = trail.page(filter, size, position(after));
        boolean more = records.size() > size;
        List<RecordedAccess> shown = records.stream().limit(size).map(view).toList();
        String next = more ? Long.toString(shown.getLast().position()) : "";
        return Connection.of(shown, after, next, -1);
    }

    /**
     * As a patient may see it in their own access log: the record names only them, never the
     * other patients a staff member's list or batch call touched, and anyone else (a clinician,
     * another patient probing) only by role and outcome: no subject, address or trace.
     */
    static RecordedAccess asSeenBy(RecordedAccess record, String patientId) {
        List<String> ids = record.patientIds().size() == 1 ? record.resourceIds() : List.of();
        if (record.subject().equals(patientId)) {
            return new RecordedAccess(record.position(), record.occurredAt(), record.subject(), record.roles(),
                    record.clientId(), record.service(), record.operation(), record.action(), record.resourceType(), ids,
                    List.of(patientId), record.fieldsChanged(), record.clientAddress(), record.forwardedFor(),
                    record.outcome(), record.status(), record.traceId(), record.approvedBy());
        }
        List<String> clinicRoles = record.roles().stream().filter(RealmRoles.MEDICORE_ROLES::contains).sorted().toList();
        String someone = clinicRoles.isEmpty() ? "anonymous" : String.join(", ", clinicRoles);
        return new RecordedAccess(record.position(), record.occurredAt(), someone, record.roles(), record.clientId(),
                record.service(), record.operation(), record.action(), record.resourceType(), ids, List.of(patientId),
                record.fieldsChanged(), "", null, record.outcome(), record.status(), null, null);
    }

    private static Long position(String after) {
        if (after == null || after.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new InvalidArgument("after", "is not a cursor this list gave out");
        }
    }

    private static void requireAdministrator(GraphQLContext context) {
        if (!Caller.of(context).is(ADMIN)) {
            throw new Forbidden("the audit trail is for administrators");
        }
    }
}
