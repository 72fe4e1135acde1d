package org.medicore.bff.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the calls made per RPC, so the N+1 bound can be shown (and watched) rather than assumed. */
public final class RpcCounter implements ClientInterceptor {

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        calls.computeIfAbsent(method.getFullMethodName(), name -> new LongAdder()).increment();
        return next.newCall(method, options);
    }

    /** Calls made so far, by full method name such as {@code medicore.patient.v1.PatientService/GetPatient}. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        calls.forEach((method, count) -> copy.put(method, count.sum()));
        return copy;
    }
}
