package org.medicore.billing.adapter.in.grpc;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import org.medicore.billing.domain.AppointmentFee;
import org.medicore.billing.domain.AppointmentType;
import org.medicore.billing.domain.FieldViolation;
import org.medicore.billing.domain.InvoiceStatus;
import org.medicore.billing.domain.Money;
import org.medicore.billing.domain.PaymentMethod;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Proto to domain for one request, collecting a violation per malformed field (path as in the
 * request) instead of failing on the first; the endpoint answers INVALID_ARGUMENT when any.
 */
final class RequestReader {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_BATCH_IDS = 100;
    static final int DEFAULT_LIMIT_PER_PATIENT = 10;
    static final int MAX_LIMIT_PER_PATIENT = 50;

    private final List<FieldViolation> violations = new ArrayList<>();

    List<FieldViolation> violations() {
        return List.copyOf(violations);
    }

    boolean isValid() {
        return violations.isEmpty();
    }

    UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(field, "must be a UUID"));
            return null;
        }
    }

    /** At most {@value #MAX_BATCH_IDS} ids, each a UUID; a malformed one is named with its index. */
    List<UUID> uuids(List<String> values, String field) {
        if (values.size() > MAX_BATCH_IDS) {
            violations.add(new FieldViolation(field, "at most " + MAX_BATCH_IDS + " ids per call"));
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ids.add(uuid(values.get(i), "%s[%d]".formatted(field, i)));
        }
        return ids;
    }

    int limitPerPatient(int requested) {
        if (requested == 0) {
            return DEFAULT_LIMIT_PER_PATIENT;
        }
        if (requested < 1 || requested > MAX_LIMIT_PER_PATIENT) {
            violations.add(new FieldViolation("limit_per_patient", "must be between 1 and " + MAX_LIMIT_PER_PATIENT));
        }
        return requested;
    }

    String required(String value, String field) {
        if (value.isBlank()) {
            violations.add(new FieldViolation(field, "is required"));
        }
        return value;
    }

    Money money(boolean present, org.medicore.contracts.common.v1.Money money, String field) {
        if (!present) {
            violations.add(new FieldViolation(field, "is required"));
            return null;
        }
        return money(money, field);
    }

    Money money(org.medicore.contracts.common.v1.Money money, String field) {
        try {
            return new Money(money.getAmountMinor(), Currency.getInstance(money.getCurrency()));
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(field + ".currency", "must be an ISO 4217 code"));
            return null;
        }
    }

    PaymentMethod method(org.medicore.contracts.billing.v1.PaymentMethod method, String field) {
        return switch (method) {
            case CASH -> PaymentMethod.CASH;
            case CARD -> PaymentMethod.CARD;
            case BANK_TRANSFER -> PaymentMethod.BANK_TRANSFER;
            case INSURANCE -> PaymentMethod.INSURANCE;
            case PAYMENT_METHOD_UNSPECIFIED, UNRECOGNIZED -> {
                violations.add(new FieldViolation(field, "is required"));
                yield null;
            }
        };
    }

    Set<InvoiceStatus> statuses(List<org.medicore.contracts.billing.v1.InvoiceStatus> statuses) {
        Set<InvoiceStatus> wanted = EnumSet.noneOf(InvoiceStatus.class);
        for (var status : statuses) {
            switch (status) {
                case ISSUED -> wanted.add(InvoiceStatus.ISSUED);
                case PARTIALLY_PAID -> wanted.add(InvoiceStatus.PARTIALLY_PAID);
                case PAID -> wanted.add(InvoiceStatus.PAID);
                case VOID -> wanted.add(InvoiceStatus.VOID);
                case INVOICE_STATUS_UNSPECIFIED, UNRECOGNIZED ->
                        violations.add(new FieldViolation("statuses", "must name a status"));
            }
        }
        return wanted;
    }

    List<AppointmentFee> fees(List<org.medicore.contracts.billing.v1.AppointmentFee> fees) {
        List<AppointmentFee> read = new ArrayList<>();
        for (int i = 0; i < fees.size(); i++) {
            var fee = fees.get(i);
            String path = "fees[%d]".formatted(i);
            AppointmentType type = switch (fee.getAppointmentType()) {
                case CONSULTATION -> AppointmentType.CONSULTATION;
                case FOLLOW_UP -> AppointmentType.FOLLOW_UP;
                case LAB_VISIT -> AppointmentType.LAB_VISIT;
                case APPOINTMENT_TYPE_UNSPECIFIED, UNRECOGNIZED -> {
                    violations.add(new FieldViolation(path + ".appointment_type", "is required"));
                    yield null;
                }
            };
            Money price = money(fee.getFee(), path + ".fee");
            Money late = money(fee.getLateCancellationFee(), path + ".late_cancellation_fee");
            Money noShow = money(fee.getNoShowFee(), path + ".no_show_fee");
            if (type != null && price != null && late != null && noShow != null) {
                read.add(new AppointmentFee(type, price, late, noShow));
            }
        }
        return read;
    }

    int pageSize(int requested) {
        if (requested < 0) {
            violations.add(new FieldViolation("page.page_size", "must not be negative"));
        }
        return requested <= 0 ? DEFAULT_PAGE_SIZE : Math.min(requested, MAX_PAGE_SIZE);
    }

    /** A point in time within what a timestamp may hold (years 1 to 9999) and the database stores. */
    Optional<Instant> instant(boolean present, Timestamp timestamp, String field) {
        if (!present) {
            return Optional.empty();
        }
        if (!Timestamps.isValid(timestamp)) {
            violations.add(new FieldViolation(field, "must be a valid timestamp between the years 1 and 9999"));
            return Optional.empty();
        }
        return Optional.of(BillingProtoMapper.instant(timestamp));
    }

    /** Page tokens are the opaque form of the offset of the next page. */
    int pageOffset(String token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (offset >= 0) {
                return offset;
            }
        } catch (IllegalArgumentException e) {
            // reported below: a token this service did not hand out
        }
        violations.add(new FieldViolation("page.page_token", "is not a token of this service"));
        return 0;
    }

    static String pageToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Integer.toString(offset).getBytes(StandardCharsets.UTF_8));
    }
}
