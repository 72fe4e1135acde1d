package org.medicore.support.port;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: all its writes land together or not at all. When the
 * database aborts the transaction (a deadlock, a serialization failure) the work may run again, so
 * it writes only through the transaction.
 */
public interface Transactions {

    /** Runs {@code work} in one transaction; committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Supplier<T> work);
}
