package org.medicore.bff.error;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

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
}
