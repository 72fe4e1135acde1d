package org.medicore.bff.audit;

/** The GraphQL type AuditChainCheck. */
public record AuditChainCheck(boolean intact, long records, Long firstBrokenPosition) {
}
