package com.erp.routes.common.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** Lua scripts for Redis, kept in the classpath beside the code that runs them. */
public final class LuaScripts {

    private LuaScripts() {
    }

    /**
     * A script read once. {@code DefaultRedisScript.setLocation} would ask the resource for its last-modified time
     * on every call, to reload an edited script; inside a Spring Boot jar that opens the nested jar each time
     * (seen in thread dumps under load), for a script that never changes.
     */
    public static <T> RedisScript<T> fromClasspath(String location, Class<T> resultType) {
        try {
            String text = new ClassPathResource(location).getContentAsString(StandardCharsets.UTF_8);
            return RedisScript.of(text, resultType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lua script " + location, e);
        }
    }
}
