package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.ErasureRequest;

import java.util.List;

/** @param nextPageToken empty on the last page */
public record ErasureRequestPage(List<ErasureRequest> requests, String nextPageToken) {

    public ErasureRequestPage {
        requests = List.copyOf(requests);
    }
}
