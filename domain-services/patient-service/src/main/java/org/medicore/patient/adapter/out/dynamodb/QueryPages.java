package org.medicore.patient.adapter.out.dynamodb;

import org.medicore.patient.domain.Violations;
import org.medicore.support.port.paging.PageTokens;
import org.medicore.support.port.paging.Paging;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Pages of a DynamoDB query. The page token (the shared format of {@link PageTokens}) is the key of the last item returned,
 * so items skipped by a filter never shift a page; a next-page token is given only when another
 * item that passes the filter exists.
 */
final class QueryPages {

    /**
     * @param keyNames  the attributes of a start key: the table's keys, plus the index's keys for an index query
     * @param tokenFits whether a decoded token belongs to this query (a token from elsewhere is a bad argument)
     */
    record Cursor(List<String> keyNames, Predicate<Map<String, AttributeValue>> tokenFits) {
    }

    record Result(List<Map<String, AttributeValue>> items, String nextPageToken) {
    }

    private QueryPages() {
    }

    static Result read(DynamoDbClient dynamoDb, QueryRequest query, Predicate<Map<String, AttributeValue>> keep,
                       int size, String token, Cursor cursor) {
        Map<String, AttributeValue> start = decode(token, cursor);
        List<Map<String, AttributeValue>> page = new ArrayList<>();
        while (true) {
            QueryRequest.Builder request = query.toBuilder().limit(size + 1);
            if (!start.isEmpty()) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamoDb.query(request.build());
            for (Map<String, AttributeValue> item : response.items()) {
                if (!keep.test(item)) {
                    continue;
                }
                if (page.size() == size) {
                    return new Result(page, encode(page.getLast(), cursor));
                }
                page.add(item);
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return new Result(page, "");
            }
            start = response.lastEvaluatedKey();
        }
    }

    private static String encode(Map<String, AttributeValue> item, Cursor cursor) {
        return PageTokens.of(cursor.keyNames().stream().map(name -> item.get(name).s()).toList());
    }

    private static Map<String, AttributeValue> decode(String token, Cursor cursor) {
        if (token.isEmpty()) {
            return Map.of();
        }
        List<String> names = cursor.keyNames();
        Optional<Map<String, AttributeValue>> key = PageTokens.read(token, names.size()).map(parts -> {
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            for (int i = 0; i < parts.size(); i++) {
                values.put(names.get(i), AttributeValue.fromS(parts.get(i)));
            }
            return values;
        }).filter(cursor.tokenFits());
        if (key.isEmpty()) {
            new Violations().add(Paging.TOKEN_FIELD, Paging.FOREIGN_TOKEN).throwIfAny();
        }
        return key.orElseThrow();
    }
}
