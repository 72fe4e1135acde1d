package org.medicore.bff.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedDocumentsTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse("type Query { patient: Patient } type Patient { name: String, doctor: Patient }"),
            RuntimeWiring.newRuntimeWiring().type("Query", type -> type.dataFetcher("patient",
                    env -> Map.of("name", "Ada", "doctor", Map.of("name", "Grace")))).build());

    private final ParsedDocuments documents = new ParsedDocuments();
    private final AtomicInteger parsed = new AtomicInteger();

    @Test
    void aValidDocumentIsParsedOnceAndAnsweredEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThat(documents.getDocumentAsync(input("{ patient { name } }"), counting()).join().hasErrors()).isFalse();
        }
        assertThat(parsed).hasValue(1);
    }

    @Test
    void aRefusedDocumentIsCheckedAgainEachTime() {
        for (int i = 0; i < 2; i++) {
            assertThat(documents.getDocumentAsync(input("{ patient { diagnosis } }"), counting()).join().hasErrors()).isTrue();
        }
        assertThat(parsed).hasValue(2);
    }

    @Test
    void theDepthLimitStillRefusesARememberedDocument() {
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(documents)
                .instrumentation(new MaxQueryDepthInstrumentation(2)).build();
        String shallow = "{ patient { name } }";
        String deep = "{ patient { doctor { doctor { name } } } }";
        for (int i = 0; i < 2; i++) {
            assertThat(graphQl.execute(shallow).getErrors()).isEmpty();
            ExecutionResult refused = graphQl.execute(deep);
            assertThat(refused.getErrors()).singleElement()
                    .satisfies(error -> assertThat(error.getMessage()).contains("depth"));
        }
    }

    private static ExecutionInput input(String query) {
        return ExecutionInput.newExecutionInput(query).build();
    }

    private Function<ExecutionInput, PreparsedDocumentEntry> counting() {
        return input -> {
            parsed.incrementAndGet();
            ParseAndValidateResult result = ParseAndValidate.parseAndValidate(SCHEMA, input);
            return result.isFailure() ? new PreparsedDocumentEntry(result.getErrors()) : new PreparsedDocumentEntry(result.getDocument());
        };
    }
}
