package org.medicore.bff.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the events come from: the Kafka cluster of the services' topics (the local stack's by default). */
@ConfigurationProperties("medicore.bff.live")
record LiveSettings(@DefaultValue("127.0.0.1:19092") String bootstrapServers,
                    @DefaultValue("256") int bufferPerSubscriber) {
}
