package org.medicore.support.audit;

/** Appends an access to the audit trail; throws when it could not, so the access fails too. */
public interface RecordAccess {

    void record(AccessRecord access);
}
