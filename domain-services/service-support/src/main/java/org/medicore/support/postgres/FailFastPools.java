package org.medicore.support.postgres;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * A service's connection pool waits at most {@link FailFastDataSource#CONNECTION_WAIT} for a
 * connection (Hikari's default is 30 s, longer than any caller's deadline) and fails fast while
 * PostgreSQL is down.
 */
@AutoConfiguration
@ConditionalOnClass(HikariDataSource.class)
public class FailFastPools {

    @Bean
    static BeanPostProcessor failFastPool() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    pool.setConnectionTimeout(FailFastDataSource.CONNECTION_WAIT.toMillis());
                    return new FailFastDataSource(pool, Clock.systemUTC());
                }
                return bean;
            }
        };
    }
}
