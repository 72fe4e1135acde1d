package org.medicore.bff.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the live figures come from: the Kafka cluster of the services' topics and
 * analytics-service's read API (the local stack's by default), and the clinic the dashboard shows.
 */
@ConfigurationProperties("medicore.bff.live")
record LiveSettings(@DefaultValue("127.0.0.1:19092") String bootstrapServers,
                    @DefaultValue("256") int bufferPerSubscriber,
                    @DefaultValue("http://127.0.0.1:8085") String analyticsUrl,
                    @DefaultValue("main") String clinicId) {
}
