package org.medicore.bff.support;

/** The realm's demo users as the tests use them. */
public final class Demo {

    public static final String PATIENT_SUBJECT = "7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a01";
    public static final String DOCTOR_SUBJECT = "7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a02";

    private Demo() {
    }
}
