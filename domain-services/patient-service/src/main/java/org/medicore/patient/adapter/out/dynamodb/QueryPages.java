package org.medicore.patient.adapter.out.dynamodb;

import org.medicore.patient.domain.Violations;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Pages of a DynamoDB query. The page token is the key of the last item returned (opaque, base64),
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
        List<String> parts = cursor.keyNames().stream().map(name -> item.get(name).s()).toList();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decode(String token, Cursor cursor) {
        if (token.isEmpty()) {
            return Map.of();
        }
        List<String> names = cursor.keyNames();
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length == names.size()) {
                Map<String, AttributeValue> key = new LinkedHashMap<>();
                for (int i = 0; i < parts.length; i++) {
                    key.put(names.get(i), AttributeValue.fromS(parts[i]));
                }
                if (cursor.tokenFits().test(key)) {
                    return key;
                }
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        new Violations().add("page.page_token", "is not a page token of this query").throwIfAny();
        return Map.of();
    }
}
