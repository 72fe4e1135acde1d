package org.medicore.lab.application.port.out;

public interface FindPatient {

    boolean exists(String patientId);
}
