package com.erp.routes.common;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import javax.management.Descriptor;
import javax.management.JMException;
import javax.management.MBeanFeatureInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.modelmbean.ModelMBean;
import javax.management.modelmbean.ModelMBeanInfo;

import org.apache.camel.api.management.ManagedInstance;
import org.apache.camel.spi.ManagementMBeanAssembler;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Camel's MBeans (the console's view: one per route, endpoint and processor, 700 to 1,700 in a service), with the
 * description of their attributes and operations ({@link ModelMBeanInfo}) kept once per managed class instead of once
 * per MBean. Camel describes each MBean anew, with a descriptor (a small TreeMap) per attribute and operation: about
 * 60 of them per MBean, some 10 MB of employee-service's 72 MB live heap when idle (61.5 MB shared). The description
 * depends on the managed classes alone (Camel's annotations on them). Each MBean keeps its own shallow copy of it (the
 * JMX API clones it on registration: its own MBean descriptor); the attribute and operation infos inside are shared and
 * only read, since a model MBean writes into them only to cache values, which it does only where a descriptor sets
 * {@code currencyTimeLimit}: an MBean whose description does keeps its own.
 */
final class SharedMBeanInfoAssembler extends ServiceSupport implements ManagementMBeanAssembler {

    private static final String CACHES = "currencyTimeLimit";

    private final ManagementMBeanAssembler camel;
    /** by the managed object's class, and the class of the instance it stands for (a ManagedInstance's), if any */
    private final Map<List<Class<?>>, ModelMBeanInfo> shared = new ConcurrentHashMap<>();

    SharedMBeanInfoAssembler(ManagementMBeanAssembler camel) {
        this.camel = camel;
    }

    @Override
    public ModelMBean assemble(MBeanServer server, Object managed, ObjectName name) throws JMException {
        ModelMBean mbean = camel.assemble(server, managed, name);
        if (mbean == null || !(mbean.getMBeanInfo() instanceof ModelMBeanInfo own) || caches(own)) {
            return mbean;
        }
        Object instance = managed instanceof ManagedInstance m ? m.getInstance() : null;
        List<Class<?>> key = Arrays.asList(managed.getClass(), instance == null ? null : instance.getClass());
        ModelMBeanInfo first = shared.putIfAbsent(key, own);
        if (first != null) {
            // not registered yet, so its description may still be replaced
            mbean.setModelMBeanInfo(first);
        }
        return mbean;
    }

    private static boolean caches(ModelMBeanInfo info) throws JMException {
        Descriptor mbean = info.getMBeanDescriptor();
        if (mbean != null && mbean.getFieldValue(CACHES) != null) {
            return true;
        }
        return Stream.of(info.getAttributes(), info.getOperations()).flatMap(Arrays::stream)
                .map(MBeanFeatureInfo::getDescriptor)
                .anyMatch(d -> d != null && d.getFieldValue(CACHES) != null);
    }

    @Override
    protected void doInit() throws Exception {
        ServiceHelper.initService(camel);
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(camel);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(camel);
        shared.clear();
    }
}
