package org.medicore.lab.domain;

/** Who asked for the upload URL. */
public record Uploader(String subject, Role role) {
}
