package org.medicore.lab.application.port.out;

/** Files removed for good from a versioned store. */
public interface EraseReportObjects {

    /** Removes every version and delete marker stored under exactly {@code objectKey}; answers how many. */
    int eraseEveryVersion(String objectKey);
}
