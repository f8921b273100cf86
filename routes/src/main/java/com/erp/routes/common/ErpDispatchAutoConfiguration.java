package com.erp.routes.common;

import com.erp.routes.common.grpc.DispatchSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The seal of the gRPC dispatch ({@link DispatchSeal}): one bean, so that inside standalone both sides share it; only
 * where camel-grpc is (approval-request and approval-processing).
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.camel.component.grpc.GrpcComponent")
public class ErpDispatchAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ErpDispatchAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    DispatchSeal dispatchSeal(@Value("${erp.dispatch.key:}") String key, ListableBeanFactory beans) {
        requireSharedKey(key == null || key.isBlank(), beans.containsBeanDefinition("dispatchSyncRoute"),
                beans.containsBeanDefinition("grpcDispatchRoute"));
        DispatchSeal seal = DispatchSeal.of(key);
        if (!seal.configured()) {
            LOG.info("erp.dispatch.key is not set: gRPC dispatches are sealed with a key of this process's own, which "
                    + "works within one process (standalone); separate services need the same key (ERP_DISPATCH_KEY)");
        }
        return seal;
    }

    /**
     * A process with one side of the gRPC dispatch (approval-request's call or approval-processing's server) but not
     * the other cannot seal or check with a key it made up: every sync dispatch would be refused, the refusals would
     * open the circuit breaker, and the sync path would answer 503. So it does not start without the shared key.
     */
    static void requireSharedKey(boolean blank, boolean sends, boolean serves) {
        if (blank && sends != serves) {
            throw new IllegalStateException("erp.dispatch.key (ERP_DISPATCH_KEY) is not set: approval-request and "
                    + "approval-processing run as separate services, and they must share the key that seals a gRPC "
                    + "dispatch (e.g. openssl rand -base64 32, from a secret)");
        }
    }
}
