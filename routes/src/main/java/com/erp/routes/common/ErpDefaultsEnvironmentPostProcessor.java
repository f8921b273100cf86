package com.erp.routes.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the defaults every jar ships in {@code META-INF/erp/*.yml} (common.yml from routes, one file per
 * service module) with the lowest precedence, below the application's own configuration and the
 * environment. So a service gets the common settings plus its own, and standalone, which has all four
 * service jars, gets everything, with no import lists to keep in step.
 */
public class ErpDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String PREFIX = "erp-defaults:";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(getClass().getClassLoader())
                    .getResources("classpath*:META-INF/erp/*.yml");
            // common.yml first: a service's own defaults may refine it.
            Arrays.sort(files, Comparator.comparing((Resource r) -> !"common.yml".equals(r.getFilename()))
                    .thenComparing(Resource::getFilename));
            for (int i = files.length - 1; i >= 0; i--) {
                String name = PREFIX + files[i].getFilename();
                if (sources.contains(name)) {
                    continue;
                }
                for (PropertySource<?> source : loader.load(name, files[i])) {
                    if (sources.contains("defaultProperties")) {
                        sources.addBefore("defaultProperties", source);
                    } else {
                        sources.addLast(source);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        // After Spring Boot has loaded application configuration, so these end up below it; before
        // FreePortsEnvironmentPostProcessor, which reads them.
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
