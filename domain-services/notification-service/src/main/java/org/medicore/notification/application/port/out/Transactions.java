package org.medicore.notification.application.port.out;

import java.util.function.Supplier;

/** Runs work in one database transaction: all its writes land together or not at all. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
