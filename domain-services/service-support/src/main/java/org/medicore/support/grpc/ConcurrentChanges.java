package org.medicore.support.grpc;

import org.springframework.util.ClassUtils;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether a failure means another change to the same records was being made at the same moment (a
 * client's retry racing its own first try, two clerks on one record), so nothing was changed and the
 * same request may succeed when tried again.
 */
public final class ConcurrentChanges {

    /** PostgreSQL rolled the transaction back for another's sake: a serialization failure or a deadlock. */
    private static final Set<String> ROLLED_BACK_FOR_ANOTHER = Set.of("40001", "40P01");

    /** DynamoDB's SDK is optional here: only the services that keep records in DynamoDB carry it. */
    private static final boolean DYNAMODB = ClassUtils.isPresent(
            "software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException", ConcurrentChanges.class.getClassLoader());

    private ConcurrentChanges() {
    }

    public static boolean isConcurrentChange(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ROLLED_BACK_FOR_ANOTHER.contains(sql.getSQLState())) {
                return true;
            }
            if (DYNAMODB && DynamoDbConflicts.isConflict(cause)) {
                return true;
            }
        }
        return false;
    }
}
