package org.medicore.appointment.application.port.out;

import java.util.function.Supplier;

public interface Transactions {

    /** Runs {@code work} in one transaction; committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Supplier<T> work);
}
