package org.medicore.bff.erasure;

import graphql.GraphQLContext;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.medicore.bff.error.Forbidden;
import org.medicore.bff.error.ServiceFieldNames;
import org.medicore.bff.graphql.Connection;
import org.medicore.bff.graphql.PageSize;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.bff.grpc.Caller;
import org.medicore.bff.grpc.ServiceStubs;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.common.v1.Role;
import org.medicore.contracts.patient.v1.ApproveErasureRequestRequest;
import org.medicore.contracts.patient.v1.DeclineErasureRequestRequest;
import org.medicore.contracts.patient.v1.ErasureRequest;
import org.medicore.contracts.patient.v1.ErasureServiceGrpc;
import org.medicore.contracts.patient.v1.GetErasureRequestRequest;
import org.medicore.contracts.patient.v1.ListPendingErasureRequestsRequest;
import org.medicore.contracts.patient.v1.ListPendingErasureRequestsResponse;
import org.medicore.contracts.patient.v1.RequestErasureRequest;
import org.medicore.support.security.RealmRoles;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.function.Function;

/**
 * A patient's erasure on request, one call to patient-service's ErasureService per field: the
 * service decides who may ask, read and decide. The BFF only names the request's id as the schema
 * does ({@code id}) and words the four-eyes refusal so the portal can tell the admin what to do.
 */
@Controller
class ErasureController {

    static final String FOUR_EYES = "FOUR_EYES";

    private final ServiceStubs services;

    ErasureController(ServiceStubs services) {
        this.services = services;
    }

    @QueryMapping
    Connection<ErasureRequest> pendingErasureRequests(@Argument Integer first, @Argument String after, GraphQLContext context) {
        ListPendingErasureRequestsResponse page = call(context, erasures -> erasures.listPendingErasureRequests(
                ListPendingErasureRequestsRequest.newBuilder().setPage(PageRequest.newBuilder()
                        .setPageSize(PageSize.of(first, "first")).setPageToken(after == null ? "" : after)).build()));
        return Connection.of(page.getRequestsList(), after, page.getPageInfo().getNextPageToken(),
                page.getPageInfo().getTotalSize());
    }

    @QueryMapping
    ErasureRequest erasureRequest(@Argument String id, GraphQLContext context) {
        return call(context, erasures -> erasures.getErasureRequest(GetErasureRequestRequest.newBuilder()
                .setErasureRequestId(id).build()).getRequest());
    }

    /** The patient's own request: their record's id is their account's subject, as for {@code me.patient}. */
    @MutationMapping
    ErasureRequest requestErasure(@Argument String reason, GraphQLContext context) {
        Caller caller = Caller.of(context);
        if (!caller.is("PATIENT") || caller.subject().isEmpty()) {
            throw new Forbidden("requestErasure is a patient's request for themself; administrators use requestErasureFor");
        }
        return request(context, caller.subject().get(), reason);
    }

    @MutationMapping
    ErasureRequest requestErasureFor(@Argument String patientId, @Argument String reason, GraphQLContext context) {
        return request(context, patientId, reason);
    }

    @MutationMapping
    ErasureRequest approveErasureRequest(@Argument String id, GraphQLContext context) {
        return decide(context, erasures -> erasures.approveErasureRequest(ApproveErasureRequestRequest.newBuilder()
                .setErasureRequestId(id).build()).getRequest());
    }

    @MutationMapping
    ErasureRequest declineErasureRequest(@Argument String id, @Argument String reason, GraphQLContext context) {
        return decide(context, erasures -> erasures.declineErasureRequest(DeclineErasureRequestRequest.newBuilder()
                .setErasureRequestId(id).setReason(reason).build()).getRequest());
    }

    @SchemaMapping(typeName = "ErasureRequest", field = "state")
    String state(ErasureRequest request) {
        return request.getState().name().replaceFirst("^ERASURE_", "");
    }

    @SchemaMapping(typeName = "ErasureRequest", field = "requestedByRole")
    String requestedByRole(ErasureRequest request) {
        return schemaRole(request.getRequestedBy().getRole());
    }

    @SchemaMapping(typeName = "ErasureRequest", field = "requestedBy")
    String requestedBy(ErasureRequest request) {
        return request.getRequestedBy().getSubject();
    }

    @SchemaMapping(typeName = "ErasureRequest", field = "reason")
    String reason(ErasureRequest request) {
        return ProtoValues.orNull(request.getReason());
    }

    @SchemaMapping(typeName = "ErasureRequest", field = "decidedBy")
    String decidedBy(ErasureRequest request) {
        return request.hasDecidedBy() ? ProtoValues.orNull(request.getDecidedBy().getSubject()) : null;
    }

    @SchemaMapping(typeName = "ErasureRequest", field = "decidedAt")
    com.google.protobuf.Timestamp decidedAt(ErasureRequest request) {
        return request.hasDecidedAt() ? ProtoValues.orNull(request.getDecidedAt()) : null;
    }

    @SchemaMapping(typeName = "ErasureRequest", field = "declineReason")
    String declineReason(ErasureRequest request) {
        return ProtoValues.orNull(request.getDeclineReason());
    }

    @SchemaMapping(typeName = "ErasureRequest", field = "erasedAt")
    com.google.protobuf.Timestamp erasedAt(ErasureRequest request) {
        return request.hasErasedAt() ? ProtoValues.orNull(request.getErasedAt()) : null;
    }

    private ErasureRequest request(GraphQLContext context, String patientId, String reason) {
        return call(context, erasures -> erasures.requestErasure(RequestErasureRequest.newBuilder()
                .setPatientId(patientId).setReason(reason == null ? "" : reason).build()).getRequest());
    }

    /**
     * patient-service denies an admin a decision for one reason only: they recorded the request
     * themself (four eyes). Said so, since no retry by this admin helps and another admin's does.
     */
    private ErasureRequest decide(GraphQLContext context, Function<ErasureServiceGrpc.ErasureServiceBlockingStub, ErasureRequest> decision) {
        try {
            return call(context, decision);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.PERMISSION_DENIED && Caller.of(context).is("ADMIN")) {
                throw new Forbidden("you recorded this erasure request, so another administrator must decide it", FOUR_EYES);
            }
            throw e;
        }
    }

    private <T> T call(GraphQLContext context, Function<ErasureServiceGrpc.ErasureServiceBlockingStub, T> rpc) {
        try {
            return rpc.apply(services.erasures(Caller.of(context)));
        } catch (StatusRuntimeException e) {
            throw ServiceFieldNames.renamed(e, field -> field.equals("erasure_request_id") ? "id" : field);
        }
    }

    /** MediCore's own SYSTEM role has no place in the schema's Role. */
    private static String schemaRole(Role role) {
        return RealmRoles.MEDICORE_ROLES.contains(role.name()) ? role.name() : null;
    }
}
