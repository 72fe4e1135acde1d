package org.medicore.lab.adapter.out.dynamodb;

import org.medicore.lab.domain.Review;
import org.medicore.lab.domain.Role;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A clinician's decision in the report's item, as plain attributes beside the report's own. */
final class ReviewItems {

    private ReviewItems() {
    }

    static void put(Map<String, AttributeValue> item, Review review) {
        item.put("review_kind", AttributeValue.fromS(review.kind().name()));
        item.put("review_by", AttributeValue.fromS(review.reviewerSubject()));
        item.put("review_by_role", AttributeValue.fromS(review.reviewerRole().name()));
        item.put("review_at", AttributeValue.fromS(review.decidedAt().toString()));
        item.put("review_changes", AttributeValue.fromL(review.changes().stream().map(AttributeValue::fromS).toList()));
        item.put("review_reason", AttributeValue.fromS(review.reason()));
    }

    static Optional<Review> review(Map<String, AttributeValue> item) {
        if (!item.containsKey("review_kind")) {
            return Optional.empty();
        }
        return Optional.of(new Review(Review.Kind.valueOf(item.get("review_kind").s()), item.get("review_by").s(),
                Role.valueOf(item.get("review_by_role").s()), Instant.parse(item.get("review_at").s()),
                item.get("review_changes").l().stream().map(AttributeValue::s).toList(), item.get("review_reason").s()));
    }
}
