package org.medicore.support.audit;

/** Whether the hash chain holds, over how many records, and where it first breaks ({@code null} when it holds). */
public record AuditChainCheck(boolean intact, long records, Long firstBrokenPosition) {
}
