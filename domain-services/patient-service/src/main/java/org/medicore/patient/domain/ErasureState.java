package org.medicore.patient.domain;

/** Where a request to erase a patient stands: pending, approved (the erasure under way), done, or declined. */
public enum ErasureState {
    PENDING, APPROVED, DONE, DECLINED
}
