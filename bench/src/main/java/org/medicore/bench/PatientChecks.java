package org.medicore.bench;

import org.medicore.localstack.DynamoDbServer;
import org.medicore.localstack.TestStack;
import org.medicore.support.dynamodb.DynamoDbClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The registrations' invariants, read from patient-service's DynamoDB table (its layout is in
 * patient-service's README): each acknowledged registration is one stored patient, no new patient
 * is stored twice, and no event waits in the patients' outbox.
 */
final class PatientChecks {

    private static final String TABLE = "medicore-patients";

    private PatientChecks() {
    }

    static List<FaultChecks.Verdict> check(String run, List<BookingWorkload.Registration> registrations) {
        try (DynamoDbClient dynamoDb = client()) {
            Map<String, List<String>> storedByFamily = newcomers(dynamoDb, run);
            Set<String> stored = new HashSet<>();
            storedByFamily.values().forEach(stored::addAll);
            Set<String> acknowledged = new HashSet<>();
            registrations.forEach(registration -> registration.patientId().ifPresent(acknowledged::add));
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored);
            long twice = storedByFamily.values().stream().filter(ids -> ids.size() > 1).count();
            long gaveUp = registrations.stream().filter(registration -> registration.patientId().isEmpty()).count();
            long unsent = outboxBacklog(dynamoDb);
            return List.of(
                    new FaultChecks.Verdict("every acknowledged registration stored once",
                            missing.isEmpty() && twice == 0 && stored.size() == acknowledged.size() && gaveUp == 0,
                            "%d acknowledged, %d stored, %d missing, %d patients stored more than once, %d given up"
                                    .formatted(acknowledged.size(), stored.size(), missing.size(), twice, gaveUp)),
                    new FaultChecks.Verdict("patients' outbox drained", unsent == 0, unsent + " events not yet published"));
        }
    }

    /** Events patient-service has stored and not yet published, of every run. */
    static long outboxBacklog() {
        try (DynamoDbClient dynamoDb = client()) {
            return outboxBacklog(dynamoDb);
        }
    }

    /** The run's new patients by family name, through the by-name index (family names are stored lower case). */
    private static Map<String, List<String>> newcomers(DynamoDbClient dynamoDb, String run) {
        String prefix = (BookingWorkload.NEWCOMER + run + " ").toLowerCase(Locale.ROOT);
        Map<String, List<String>> byFamily = new HashMap<>();
        dynamoDb.queryPaginator(QueryRequest.builder().tableName(TABLE).indexName("by-name").consistentRead(false)
                        .keyConditionExpression("name_pk = :pk AND begins_with(name_sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", text("NAME#" + prefix.substring(0, 2)), ":prefix", text(prefix)))
                        .build())
                .items().forEach(item -> {
                    String nameKey = item.get("name_sk").s();
                    String family = nameKey.substring(0, nameKey.indexOf('#'));
                    byFamily.computeIfAbsent(family, any -> new ArrayList<>()).add(nameKey.substring(nameKey.lastIndexOf('#') + 1));
                });
        return byFamily;
    }

    private static long outboxBacklog(DynamoDbClient dynamoDb) {
        return dynamoDb.queryPaginator(QueryRequest.builder().tableName(TABLE).indexName("outbox-pending")
                        .keyConditionExpression("#pending = :pending").expressionAttributeNames(Map.of("#pending", "pending"))
                        .expressionAttributeValues(Map.of(":pending", text("PENDING")))
                        .select("COUNT").build())
                .stream().mapToLong(page -> page.count()).sum();
    }

    private static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }

    private static DynamoDbClient client() {
        return DynamoDbClients.create(DynamoDbServer.REGION, TestStack.dynamoDb().endpoint(), DynamoDbServer.ACCESS_KEY,
                DynamoDbServer.SECRET_KEY);
    }
}
