package org.medicore.bff.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Remembers each query text once parsed and validated: the portal sends the same few documents
 * with every request, and parsing and validating them again was about a tenth of the BFF's CPU
 * per doctor's read. Only documents that passed validation are kept; a refused one is checked
 * again each time, so its errors stay in the asker's language and junk can't crowd the cache.
 * The depth and complexity limits run per execution, after this, so they still apply.
 */
@Configuration
class ParsedDocuments implements PreparsedDocumentProvider {

    /** Far more than the distinct documents the portal, the FHIR tests and the partners send. */
    static final int CAPACITY = 1_000;

    private final Cache<String, PreparsedDocumentEntry> valid = Caffeine.newBuilder().maximumSize(CAPACITY).build();

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry known = valid.getIfPresent(input.getQuery());
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            valid.put(input.getQuery(), entry);
        }
        return CompletableFuture.completedFuture(entry);
    }
}
