package org.medicore.support.grpc;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * The answer of an endpoint called directly, in a test, with a request it must refuse: any answer
 * but a refusal fails the test. Shared through service-support's test-jar.
 */
public final class RefusedAnswer<T> implements StreamObserver<T> {

    private StatusRuntimeException refusal;

    /** The refusal; fails the test when the endpoint has not refused. */
    public StatusRuntimeException refusal() {
        if (refusal == null) {
            throw new AssertionError("not refused");
        }
        return refusal;
    }

    @Override
    public void onNext(T value) {
        throw new AssertionError("answered " + value);
    }

    @Override
    public void onError(Throwable refused) {
        refusal = (StatusRuntimeException) refused;
    }

    @Override
    public void onCompleted() {
        throw new AssertionError("completed");
    }
}
