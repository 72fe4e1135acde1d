package org.medicore.patient.application.port.out;

/** Deletes the patient's portal login; an account already gone is no failure (a retry of an erasure). */
public interface DeletePatientAccount {

    void delete(String accountSubject);
}
