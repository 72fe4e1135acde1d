package org.medicore.bff.error;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GraphQlErrorsTest {

    @Test
    void a_message_too_large_for_grpc_is_bad_input_not_an_invitation_to_try_again() {
        GraphQLError error = GraphQlErrors.toError(Status.RESOURCE_EXHAUSTED
                        .withDescription("gRPC message exceeds maximum size 4194304: 10485850").asRuntimeException(),
                GraphqlErrorBuilder::newError, "updatePatient");

        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(error.getExtensions()).containsEntry("code", "RESOURCE_EXHAUSTED");
        assertThat(error.getMessage()).contains("too large").doesNotContain("try again");
    }

    @Test
    void a_connection_closed_under_a_call_is_a_service_not_answering_and_any_other_unknown_failure_is_internal() {
        GraphQLError lost = GraphQlErrors.toError(Status.UNKNOWN.withDescription("channel closed")
                        .withCause(new java.nio.channels.ClosedChannelException()).asRuntimeException(),
                GraphqlErrorBuilder::newError, "bookAppointment");
        GraphQLError other = GraphQlErrors.toError(Status.UNKNOWN.withDescription("Application error processing RPC")
                .asRuntimeException(), GraphqlErrorBuilder::newError, "bookAppointment");

        assertThat(lost.getErrorType()).isEqualTo(GraphQlErrors.MediCoreErrorType.UNAVAILABLE);
        assertThat(lost.getExtensions()).containsEntry("code", "UNAVAILABLE");
        assertThat(lost.getMessage()).isEqualTo("a service is not answering; try again shortly");
        assertThat(other.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
        assertThat(other.getExtensions()).containsEntry("code", "INTERNAL");
    }

    @Test
    void a_services_field_violation_names_the_field_in_the_schemas_spelling() {
        com.google.rpc.Status refused = com.google.rpc.Status.newBuilder().setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage("invalid fields").addDetails(Any.pack(BadRequest.newBuilder()
                        .addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("preferred_language")
                                .setDescription("must be a language the clinic speaks: en or de"))
                        .addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("contact.address.postal_code")
                                .setDescription("is required"))
                        .build())).build();

        GraphQLError error = GraphQlErrors.toError(StatusProto.toStatusRuntimeException(refused),
                GraphqlErrorBuilder::newError, "updatePatient");

        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat((List<Map<String, String>>) error.getExtensions().get("violations")).extracting(v -> v.get("field"))
                .containsExactly("preferredLanguage", "contact.address.postalCode");
    }

    @Test
    void a_refusal_the_bff_words_itself_carries_its_reason_and_a_renamed_field_keeps_the_schemas_name() {
        GraphQLError fourEyes = GraphQlErrors.toError(new Forbidden("another administrator must decide it", "FOUR_EYES"),
                GraphqlErrorBuilder::newError, "approveErasureRequest");
        GraphQLError plain = GraphQlErrors.toError(new Forbidden("the audit trail is for administrators"),
                GraphqlErrorBuilder::newError, "auditTrail");
        com.google.rpc.Status refused = com.google.rpc.Status.newBuilder().setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage("invalid fields").addDetails(Any.pack(BadRequest.newBuilder()
                        .addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("erasure_request_id")
                                .setDescription("must be a UUID")).build())).build();
        GraphQLError renamed = GraphQlErrors.toError(ServiceFieldNames.renamed(StatusProto.toStatusRuntimeException(refused),
                field -> field.equals("erasure_request_id") ? "id" : field), GraphqlErrorBuilder::newError, "erasureRequest");

        assertThat(fourEyes.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
        assertThat(fourEyes.getExtensions()).containsEntry("code", "PERMISSION_DENIED").containsEntry("reason", "FOUR_EYES");
        assertThat(plain.getExtensions()).containsOnlyKeys("code");
        assertThat((List<Map<String, String>>) renamed.getExtensions().get("violations")).extracting(v -> v.get("field"))
                .containsExactly("id");
    }
}
