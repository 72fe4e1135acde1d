package org.medicore.lab.domain;

/** Why a report could not be used, with a sentence the uploader can act on. */
public record Rejection(RejectionReason reason, String detail) {
}
