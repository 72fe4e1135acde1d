package org.medicore.analytics.adapter.in.kafka;

import tools.jackson.databind.json.JsonMapper;

/** The domain's state values in the stores and their changelogs, as JSON: readable when someone inspects a changelog. */
final class StateSerde<T> extends StatelessSerde<T> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Class<T> type;

    StateSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public byte[] serialize(String topic, T value) {
        return value == null ? null : JSON.writeValueAsBytes(value);
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
        return bytes == null ? null : JSON.readValue(bytes, type);
    }
}
