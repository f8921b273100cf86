package com.erp.routes.testing;

/**
 * For a test application that needs none of the servers: the routes module carries every component's starter
 * (optional), whose auto-configurations would otherwise look for a database, MongoDB and Redis.
 */
public final class NoServers {

    /** A {@code @SpringBootTest} property excluding those auto-configurations. */
    public static final String EXCLUDE_AUTO_CONFIGURATION = "spring.autoconfigure.exclude="
            + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.data.redis.RedisRepositoriesAutoConfiguration";

    private NoServers() {
    }
}
