package org.medicore.lab.support;

import org.medicore.localstack.DynamoDbServer;
import org.medicore.localstack.ObjectStore;
import org.medicore.localstack.TestStack;
import org.medicore.support.dynamodb.DynamoDbClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything lab-processor keeps, read the slow way no service may: every object version and delete
 * marker of the whole bucket (ListObjectVersions) and every item of the whole table (Scan), each item
 * as one text with all its values, nested lists and maps included.
 */
public final class StoredEverywhere implements AutoCloseable {

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final String table;

    public StoredEverywhere(S3Client s3, String table) {
        this.s3 = s3;
        this.table = table;
        this.dynamoDb = DynamoDbClients.create(DynamoDbServer.REGION, TestStack.dynamoDb().endpoint(),
                DynamoDbServer.ACCESS_KEY, DynamoDbServer.SECRET_KEY);
    }

    /** "key@versionId" of every version and "key@versionId (delete marker)" of every delete marker. */
    public List<String> objectVersions() {
        List<String> all = new ArrayList<>();
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r.bucket(ObjectStore.LAB_REPORTS_BUCKET))) {
            page.versions().forEach(version -> all.add(version.key() + "@" + version.versionId()));
            page.deleteMarkers().forEach(marker -> all.add(marker.key() + "@" + marker.versionId() + " (delete marker)"));
        }
        return all;
    }

    public List<String> objectVersionsOf(String key) {
        return objectVersions().stream().filter(version -> version.startsWith(key + "@")).toList();
    }

    /** Every item of the table, as text. */
    public List<String> items() {
        return dynamoDb.scanPaginator(r -> r.tableName(table)).items().stream().map(StoredEverywhere::text).toList();
    }

    private static String text(Map<String, AttributeValue> item) {
        return String.join(" ", item.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), text(e.getValue()))).toList());
    }

    private static String text(AttributeValue value) {
        if (value.hasM()) {
            return text(value.m());
        }
        if (value.hasL()) {
            return String.join(" ", value.l().stream().map(StoredEverywhere::text).toList());
        }
        return value.s() != null ? value.s() : String.valueOf(value.n());
    }

    @Override
    public void close() {
        dynamoDb.close();
    }
}
