package org.medicore.analytics.adapter.in.kafka;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;

/** A serde that is its own serializer and deserializer, configured by its constructor and holding nothing to release. */
abstract class StatelessSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    @Override
    public final Serializer<T> serializer() {
        return this;
    }

    @Override
    public final Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public final void configure(Map<String, ?> configs, boolean isKey) {
        // configured by its constructor
    }

    @Override
    public final void close() {
        // holds nothing to release
    }
}
