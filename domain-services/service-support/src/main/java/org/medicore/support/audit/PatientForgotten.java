package org.medicore.support.audit;

/**
 * @param pseudonym     the patient as the erasure record names it
 * @param keysDestroyed how many keys went (none when the trail held nothing of the patient, or already forgot them)
 */
public record PatientForgotten(String pseudonym, int keysDestroyed) {
}
