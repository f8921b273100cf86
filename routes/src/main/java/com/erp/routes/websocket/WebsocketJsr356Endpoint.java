package com.erp.routes.websocket;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** One WebSocket path. */
@UriEndpoint(firstVersion = "4.17.0", scheme = "websocket-jsr356", title = "WebSocket JSR-356",
        syntax = "websocket-jsr356:path", category = {Category.NETWORKING, Category.HTTP})
public class WebsocketJsr356Endpoint extends DefaultEndpoint {

    @UriPath(description = "The path clients connect to, e.g. /ws/notifications")
    private final String path;

    @UriParam(label = "producer", defaultValue = "false",
            description = "Send to every session of the path when the message names no user or session")
    private boolean sendToAll;

    @UriParam(label = "producer", defaultValue = "1000",
            description = "How many messages may wait for one session while it is written to; a session further "
                    + "behind is closed (its client reconnects and catches up)")
    private int sendQueueLimit = 1000;

    @UriParam(label = "producer", defaultValue = "1048576",
            description = "How many bytes the messages waiting for one session may take in memory (two a character); "
                    + "a session further behind is closed, as one more than sendQueueLimit messages behind is")
    private long sendQueueMaxBytes = 1024 * 1024;

    public WebsocketJsr356Endpoint(String uri, WebsocketJsr356Component component, String path) {
        super(uri, component);
        this.path = path;
    }

    @Override
    public WebsocketJsr356Component getComponent() {
        return (WebsocketJsr356Component) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new WebsocketJsr356Producer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        WebsocketJsr356Consumer consumer = new WebsocketJsr356Consumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public String getPath() {
        return path;
    }

    public boolean isSendToAll() {
        return sendToAll;
    }

    public void setSendToAll(boolean sendToAll) {
        this.sendToAll = sendToAll;
    }

    public int getSendQueueLimit() {
        return sendQueueLimit;
    }

    public void setSendQueueLimit(int sendQueueLimit) {
        if (sendQueueLimit < 1) {
            throw new IllegalArgumentException("sendQueueLimit must be at least 1, was " + sendQueueLimit);
        }
        this.sendQueueLimit = sendQueueLimit;
    }

    public long getSendQueueMaxBytes() {
        return sendQueueMaxBytes;
    }

    public void setSendQueueMaxBytes(long sendQueueMaxBytes) {
        if (sendQueueMaxBytes < 1) {
            throw new IllegalArgumentException("sendQueueMaxBytes must be at least 1, was " + sendQueueMaxBytes);
        }
        this.sendQueueMaxBytes = sendQueueMaxBytes;
    }

    WsPath deploy() {
        return getComponent().deploy(path);
    }
}
