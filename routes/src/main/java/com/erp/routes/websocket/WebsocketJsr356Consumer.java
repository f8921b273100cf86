package com.erp.routes.websocket;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/** Turns each text message from a client into an exchange. Runs on the container's I/O thread. */
public class WebsocketJsr356Consumer extends DefaultConsumer {

    private WsPath path;

    public WebsocketJsr356Consumer(WebsocketJsr356Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public WebsocketJsr356Endpoint getEndpoint() {
        return (WebsocketJsr356Endpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        path = getEndpoint().deploy();
        path.attach(this);
    }

    @Override
    protected void doStop() throws Exception {
        if (path != null) {
            path.detach(this);
        }
        super.doStop();
    }

    void onMessage(WsSession session, String text) {
        Exchange exchange = createExchange(true);
        exchange.getIn().setBody(text);
        exchange.getIn().setHeader(WebsocketJsr356Constants.USER, session.user());
        exchange.getIn().setHeader(WebsocketJsr356Constants.SESSION_ID, session.id());
        exchange.getIn().setHeader(WebsocketJsr356Constants.PATH, path.path());
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("failed processing a WebSocket message", exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }
}
