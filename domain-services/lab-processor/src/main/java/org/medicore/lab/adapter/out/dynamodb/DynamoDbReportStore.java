package org.medicore.lab.adapter.out.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import org.medicore.lab.domain.ReportPage;
import org.medicore.lab.application.port.out.EraseReportRecords;
import org.medicore.lab.application.port.out.LoadReport;
import org.medicore.lab.application.port.out.SaveReport;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.LabReportEvent;
import org.medicore.lab.domain.LabReportStatus;
import org.medicore.lab.domain.Rejection;
import org.medicore.lab.domain.RejectionReason;
import org.medicore.lab.domain.Role;
import org.medicore.lab.domain.Uploader;
import org.medicore.support.outbox.PendingEvents;
import org.medicore.support.port.paging.PageTokens;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reports and their outbox in one DynamoDB table (see {@link ReportTable}). */
final class DynamoDbReportStore implements LoadReport, SaveReport, PendingEvents<LabReportEvent>, EraseReportRecords {

    private static final String PROCESSED = "LabReportProcessed";
    private static final String REJECTED = "LabReportRejected";
    private static final String HELD = "LabReportHeld";

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoDbReportStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<LabReport> load(String reportId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(ReportTable.PK, s("report#" + reportId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(report(item));
    }

    @Override
    public boolean create(LabReport report) {
        try {
            dynamoDb.putItem(r -> r.tableName(table).item(item(report))
                    .conditionExpression("attribute_not_exists(" + ReportTable.PK + ")"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public boolean update(LabReport changed, long expectedVersion) {
        try {
            dynamoDb.putItem(versioned(changed, expectedVersion));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    @Override
    public boolean complete(LabReport.Change change, long expectedVersion) {
        Put event = Put.builder().tableName(table).item(item(change.event()))
                .conditionExpression("attribute_not_exists(" + ReportTable.PK + ")").build();
        var report = versioned(change.report(), expectedVersion);
        Put reportPut = Put.builder().tableName(table).item(report.item()).conditionExpression(report.conditionExpression())
                .expressionAttributeValues(report.expressionAttributeValues()).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(reportPut).build(), TransactWriteItem.builder().put(event).build()));
            return true;
        } catch (TransactionCanceledException moved) {
            return false;
        }
    }

    @Override
    public List<LabReportEvent> oldestPending(int limit) {
        return dynamoDb.query(r -> r.tableName(table).indexName(ReportTable.OUTBOX_PENDING)
                        .keyConditionExpression("#p = :p").expressionAttributeNames(Map.of("#p", ReportTable.PENDING))
                        .expressionAttributeValues(Map.of(":p", s(ReportTable.PENDING))).limit(limit))
                .items().stream().map(DynamoDbReportStore::event).toList();
    }

    @Override
    public long countPending() {
        return dynamoDb.queryPaginator(r -> r.tableName(table).indexName(ReportTable.OUTBOX_PENDING).select(Select.COUNT)
                        .keyConditionExpression("#p = :p").expressionAttributeNames(Map.of("#p", ReportTable.PENDING))
                        .expressionAttributeValues(Map.of(":p", s(ReportTable.PENDING))))
                .stream().mapToLong(QueryResponse::count).sum();
    }

    /** An entry erased while it was being published stays erased: an update would write its key back. */
    @Override
    public void markPublished(LabReportEvent event) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(Map.of(ReportTable.PK, s("event#" + event.eventId())))
                    .updateExpression("REMOVE " + ReportTable.PENDING + ", " + ReportTable.PENDING_ORDER)
                    .conditionExpression("attribute_exists(" + ReportTable.PK + ")"));
        } catch (ConditionalCheckFailedException erased) {
            // the patient was erased meanwhile
        }
    }

    @Override
    public void eraseReport(String reportId) {
        dynamoDb.deleteItem(r -> r.tableName(table).key(Map.of(ReportTable.PK, s("report#" + reportId))));
    }

    @Override
    public int eraseEventsOf(String patientId, boolean pendingToo) {
        int erased = 0;
        for (QueryResponse page : dynamoDb.queryPaginator(r -> r.tableName(table).indexName(ReportTable.EVENTS_BY_PATIENT)
                .keyConditionExpression("#p = :p").expressionAttributeNames(Map.of("#p", ReportTable.PATIENT_ID))
                .expressionAttributeValues(Map.of(":p", s(patientId))))) {
            for (Map<String, AttributeValue> entry : page.items()) {
                if (pendingToo || !entry.containsKey(ReportTable.PENDING)) {
                    dynamoDb.deleteItem(r -> r.tableName(table).key(Map.of(ReportTable.PK, entry.get(ReportTable.PK))));
                    erased++;
                }
            }
        }
        return erased;
    }

    private software.amazon.awssdk.services.dynamodb.model.PutItemRequest versioned(LabReport report, long expectedVersion) {
        return software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder().tableName(table).item(item(report))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(expectedVersion))).build();
    }

    @Override
    public Optional<ReportPage> reportsOf(String patientId, int size, String pageToken) {
        Optional<Map<String, AttributeValue>> start = pageToken.isEmpty() ? Optional.empty()
                : startKey(pageToken, ReportTable.PATIENT_ID, ReportTable.CREATED_ORDER);
        if (!pageToken.isEmpty() && start.isEmpty()) {
            return Optional.empty();
        }
        QueryResponse page = dynamoDb.query(r -> {
            r.tableName(table).indexName(ReportTable.REPORTS_BY_PATIENT)
                    .keyConditionExpression("#p = :p").expressionAttributeNames(Map.of("#p", ReportTable.PATIENT_ID))
                    .expressionAttributeValues(Map.of(":p", s(patientId))).scanIndexForward(false).limit(size);
            start.ifPresent(r::exclusiveStartKey);
        });
        return Optional.of(page(page, ReportTable.PATIENT_ID, ReportTable.CREATED_ORDER));
    }

    @Override
    public Optional<ReportPage> heldForReview(int size, String pageToken) {
        Optional<Map<String, AttributeValue>> start = pageToken.isEmpty() ? Optional.empty()
                : startKey(pageToken, ReportTable.IN_REVIEW, ReportTable.HELD_ORDER);
        if (!pageToken.isEmpty() && start.isEmpty()) {
            return Optional.empty();
        }
        QueryResponse page = dynamoDb.query(r -> {
            r.tableName(table).indexName(ReportTable.REVIEW_QUEUE)
                    .keyConditionExpression("#q = :q").expressionAttributeNames(Map.of("#q", ReportTable.IN_REVIEW))
                    .expressionAttributeValues(Map.of(":q", s(ReportTable.IN_REVIEW))).scanIndexForward(true).limit(size);
            start.ifPresent(r::exclusiveStartKey);
        });
        return Optional.of(page(page, ReportTable.IN_REVIEW, ReportTable.HELD_ORDER));
    }

    private static ReportPage page(QueryResponse page, String hash, String range) {
        String next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? token(page.lastEvaluatedKey(), hash, range) : "";
        return new ReportPage(page.items().stream().map(DynamoDbReportStore::report).toList(), next);
    }

    /** An index's last key (pk and the index's own key) as a shared page token. */
    private static String token(Map<String, AttributeValue> key, String hash, String range) {
        return PageTokens.of(key.get(ReportTable.PK).s(), key.get(hash).s(), key.get(range).s());
    }

    private static Optional<Map<String, AttributeValue>> startKey(String token, String hash, String range) {
        return PageTokens.read(token, 3).filter(parts -> parts.getFirst().startsWith("report#"))
                .map(parts -> Map.of(ReportTable.PK, s(parts.get(0)), hash, s(parts.get(1)), range, s(parts.get(2))));
    }

    /** An instant as zero-padded epoch nanoseconds, which sorts as text. */
    private static String order(Instant at) {
        return "%020d".formatted(at.getEpochSecond() * 1_000_000_000L + at.getNano());
    }

    private static Map<String, AttributeValue> item(LabReport report) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ReportTable.PK, s("report#" + report.id()));
        item.put("id", s(report.id()));
        item.put("patient_id", s(report.patientId()));
        item.put("file_name", s(report.fileName()));
        item.put("declared_size", n(report.declaredSize()));
        item.put("uploaded_by", s(report.uploadedBy().subject()));
        item.put("uploaded_by_role", s(report.uploadedBy().role().name()));
        item.put("status", s(report.status().name()));
        report.rejection().ifPresent(rejection -> {
            item.put("rejection_reason", s(rejection.reason().name()));
            item.put("rejection_detail", s(rejection.detail()));
        });
        item.put("result_count", n(report.resultCount()));
        item.put("abnormal_count", n(report.abnormalCount()));
        item.put("created_at", s(report.createdAt().toString()));
        item.put(ReportTable.CREATED_ORDER, s(order(report.createdAt())));
        report.uploadedAt().ifPresent(at -> item.put("uploaded_at", s(at.toString())));
        report.processedAt().ifPresent(at -> item.put("processed_at", s(at.toString())));
        report.held().ifPresent(held -> HeldItems.put(item, held));
        if (report.status() == LabReportStatus.NEEDS_REVIEW) {
            item.put(ReportTable.IN_REVIEW, s(ReportTable.IN_REVIEW));
            item.put(ReportTable.HELD_ORDER, s(order(report.processedAt().orElse(report.createdAt())) + "#" + report.id()));
        }
        report.review().ifPresent(review -> ReviewItems.put(item, review));
        item.put("version", n(report.version()));
        return item;
    }

    private static LabReport report(Map<String, AttributeValue> item) {
        Optional<Rejection> rejection = Optional.ofNullable(item.get("rejection_reason")).map(reason -> new Rejection(
                RejectionReason.valueOf(reason.s()), item.get("rejection_detail").s()));
        return new LabReport(item.get("id").s(), item.get("patient_id").s(), item.get("file_name").s(),
                Long.parseLong(item.get("declared_size").n()),
                new Uploader(item.get("uploaded_by").s(), Role.valueOf(item.get("uploaded_by_role").s())),
                LabReportStatus.valueOf(item.get("status").s()), rejection,
                Integer.parseInt(item.get("result_count").n()), Integer.parseInt(item.get("abnormal_count").n()),
                Instant.parse(item.get("created_at").s()), instant(item, "uploaded_at"), instant(item, "processed_at"),
                HeldItems.held(item), ReviewItems.review(item), Long.parseLong(item.get("version").n()));
    }

    private static Map<String, AttributeValue> item(LabReportEvent event) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ReportTable.PK, s("event#" + event.eventId()));
        item.put(ReportTable.PENDING, s(ReportTable.PENDING));
        item.put(ReportTable.PENDING_ORDER, s(event.occurredAt() + "#" + event.eventId()));
        item.put(ReportTable.EVENT_ID, s(event.eventId().toString()));
        item.put("occurred_at", s(event.occurredAt().toString()));
        item.put("report_id", s(event.reportId()));
        switch (event) {
            case LabReportEvent.Processed processed -> {
                item.put("type", s(PROCESSED));
                item.put("patient_id", s(processed.patientId()));
                item.put("result_count", n(processed.resultCount()));
                item.put("abnormal_count", n(processed.abnormalCount()));
                item.put("critical_count", n(processed.criticalCount()));
                item.put("result_ids", AttributeValue.fromL(processed.resultIds().stream().map(DynamoDbReportStore::s).toList()));
            }
            case LabReportEvent.Held held -> {
                item.put("type", s(HELD));
                item.put("patient_id", s(held.patientId()));
                item.put("findings", HeldItems.findings(held.findings()));
                item.put("value_count", n(held.valueCount()));
                item.put("critical_count", n(held.criticalCount()));
                item.put("uploaded_by", s(held.uploadedBySubject()));
            }
            case LabReportEvent.Rejected rejected -> {
                item.put("type", s(REJECTED));
                item.put("patient_id", s(rejected.patientId()));
                item.put("reason", s(rejected.rejection().reason().name()));
                item.put("detail", s(rejected.rejection().detail()));
                item.put("uploaded_by", s(rejected.uploadedBySubject()));
            }
        }
        return item;
    }

    private static LabReportEvent event(Map<String, AttributeValue> item) {
        UUID eventId = UUID.fromString(item.get("event_id").s());
        Instant occurredAt = Instant.parse(item.get("occurred_at").s());
        String reportId = item.get("report_id").s();
        String patientId = item.get("patient_id").s();
        if (PROCESSED.equals(item.get("type").s())) {
            return new LabReportEvent.Processed(eventId, occurredAt, reportId, patientId,
                    Integer.parseInt(item.get("result_count").n()), Integer.parseInt(item.get("abnormal_count").n()),
                    // events stored before critical flags existed count none
                    item.containsKey("critical_count") ? Integer.parseInt(item.get("critical_count").n()) : 0,
                    item.get("result_ids").l().stream().map(AttributeValue::s).toList());
        }
        if (HELD.equals(item.get("type").s())) {
            return new LabReportEvent.Held(eventId, occurredAt, reportId, patientId,
                    HeldItems.findings(item.get("findings")), Integer.parseInt(item.get("value_count").n()),
                    Integer.parseInt(item.get("critical_count").n()), item.get("uploaded_by").s());
        }
        return new LabReportEvent.Rejected(eventId, occurredAt, reportId, patientId,
                new Rejection(RejectionReason.valueOf(item.get("reason").s()), item.get("detail").s()),
                item.get("uploaded_by").s());
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(value -> Instant.parse(value.s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
