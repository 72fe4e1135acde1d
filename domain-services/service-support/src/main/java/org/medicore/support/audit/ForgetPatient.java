package org.medicore.support.audit;

/**
 * Erasure of a patient from the audit trail (GDPR art. 17): their data key is destroyed, so every value sealed with it
 * reads as erased from then on, while the records and the hash chain stay as they were. The erasure is itself recorded.
 */
public interface ForgetPatient {

    PatientForgotten forget(ForgetPatientCommand command);
}
