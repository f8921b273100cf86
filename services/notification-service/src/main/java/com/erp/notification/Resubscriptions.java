package com.erp.notification;

import com.erp.routes.notification.ResyncRoute;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;

/**
 * Listens beside notification.deliver on the notification channel, for the subscription only: each time Redis
 * confirms it (after a restart of Redis or of the route, a dropped connection), the connected pages are asked to
 * catch up ({@link ResyncRoute}), since what was published while unsubscribed reached no one.
 */
final class Resubscriptions implements MessageListener, SubscriptionListener {

    private static final Logger LOG = LoggerFactory.getLogger(Resubscriptions.class);

    private final ObjectProvider<ProducerTemplate> producer;

    Resubscriptions(ObjectProvider<ProducerTemplate> producer) {
        this.producer = producer;
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        // the deliver route reads the messages
    }

    @Override
    public void onChannelSubscribed(byte[] channel, long count) {
        ProducerTemplate template = producer.getObject();
        if (!template.getCamelContext().isStarted()) {
            return; // the first subscription, as the application starts: nobody is connected yet
        }
        try {
            // on the delivery thread, between messages; sending only queues for each session (websocket-jsr356)
            template.sendBody(ResyncRoute.URI, null);
        } catch (RuntimeException e) {
            LOG.warn("could not ask the connected pages to catch up after the notification channel was subscribed "
                    + "again: {}", e.toString());
        }
    }
}
