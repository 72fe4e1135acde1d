package org.medicore.bff.audit;

import graphql.GraphQLContext;
import org.medicore.bff.error.Forbidden;
import org.medicore.bff.error.InvalidArgument;
import org.medicore.bff.graphql.Connection;
import org.medicore.bff.graphql.PageSize;
import org.medicore.bff.grpc.Caller;
import org.medicore.contracts.patient.v1.Patient;
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
    Connection<AccessRecord> auditTrail(@Argument AuditFilter filter, @Argument Integer first, @Argument String after,
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
    Connection<AccessRecord> accessLog(Patient patient, @Argument Integer first, @Argument String after,
                                       GraphQLContext context) {
        Caller caller = Caller.of(context);
        if (caller.is(ADMIN)) {
            return page(AuditFilter.ofPatient(patient.getId()), first, after, UnaryOperator.identity());
        }
        if (caller.subject().filter(patient.getId()::equals).isEmpty()) {
            throw new Forbidden("only the patient themself and administrators see who accessed a record");
        }
        return page(AuditFilter.ofPatient(patient.getId()), first, after, record -> record.asSeenBy(patient.getId()));
    }

    private Connection<AccessRecord> page(AuditFilter filter, Integer first, String after, UnaryOperator<AccessRecord> view) {
        int size = PageSize.of(first, "first");
        List<AccessRecord> records = trail.page(filter, size, position(after));
        boolean more = records.size() > size;
        List<AccessRecord> shown = records.stream().limit(size).map(view).toList();
        String next = more ? Long.toString(shown.getLast().position()) : "";
        return Connection.of(shown, after, next, -1);
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
