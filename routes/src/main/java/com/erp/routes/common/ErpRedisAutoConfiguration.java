package com.erp.routes.common;

import java.time.Duration;

import com.erp.routes.common.redis.ReplicationBarrier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Where a service writes Redis: bean {@code redisReplication}, which waits until Redis's replicas hold what was
 * written ({@code erp.redis.replicas-to-wait}, none by default) before an event is published or a consumed message
 * counts as done. One for the whole application, so standalone, which runs processing and notification together,
 * has one too.
 */
@AutoConfiguration(after = RedisAutoConfiguration.class)
@ConditionalOnClass(LettuceConnectionFactory.class)
@ConditionalOnBean(LettuceConnectionFactory.class)
public class ErpRedisAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ReplicationBarrier redisReplication(ObjectProvider<LettuceConnectionFactory> lettuce,
                                        @Value("${erp.redis.replicas-to-wait}") int replicas,
                                        @Value("${erp.redis.replication-timeout}") Duration timeout) {
        return ReplicationBarrier.of(lettuce, replicas, timeout);
    }
}
