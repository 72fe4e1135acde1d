package org.medicore.patient.application.port.out;

import org.medicore.patient.application.port.in.ErasureRequestPage;
import org.medicore.patient.domain.ErasureRequest;

import java.util.Optional;
import java.util.UUID;

public interface LoadErasureRequests {

    Optional<ErasureRequest> load(UUID requestId);

    /** Pending requests, oldest first; a token that is not one of this list's is {@code InvalidFieldsException}. */
    ErasureRequestPage pending(int size, String pageToken);
}
