package org.medicore.support.grpc;

import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * DynamoDB's words for "another transaction was writing the same item": a transaction cancelled with a
 * TransactionConflict reason, or a single write refused because a transaction held its item. Loaded only
 * when the SDK is present ({@link ConcurrentChanges}).
 */
final class DynamoDbConflicts {

    private DynamoDbConflicts() {
    }

    static boolean isConflict(Throwable failure) {
        if (failure instanceof TransactionConflictException) {
            return true;
        }
        return failure instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()
                && cancelled.cancellationReasons().stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
    }
}
