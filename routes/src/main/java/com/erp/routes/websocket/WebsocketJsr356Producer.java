package com.erp.routes.websocket;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the body as a text message to this instance's sessions of the target (a user, a session, or all). It only
 * queues the message for each session ({@link WsSession#offer}), so it never waits on a client. Sessions that are
 * closed or too far behind are closed and forgotten; the counts go into the SENT (queued) and FAILED headers. A user with no
 * session here is not an error: other instances, or the stored inbox, reach them.
 */
public class WebsocketJsr356Producer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(WebsocketJsr356Producer.class);

    private WsPath path;

    public WebsocketJsr356Producer(WebsocketJsr356Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public WebsocketJsr356Endpoint getEndpoint() {
        return (WebsocketJsr356Endpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // Producers start before consumers; whichever comes first deploys the path.
        path = getEndpoint().deploy();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        var in = exchange.getIn();
        String user = in.getHeader(WebsocketJsr356Constants.USER, String.class);
        String sessionId = in.getHeader(WebsocketJsr356Constants.SESSION_ID, String.class);
        List<WsSession> targets;
        if (user != null) {
            targets = path.ofUser(user);
        } else if (sessionId != null) {
            targets = path.byId(sessionId);
        } else if (getEndpoint().isSendToAll()) {
            targets = path.all();
        } else {
            throw new IllegalArgumentException("websocket-jsr356 needs header " + WebsocketJsr356Constants.USER
                    + " or " + WebsocketJsr356Constants.SESSION_ID + ", or sendToAll=true");
        }
        String text = in.getMandatoryBody(String.class);
        WsSession.Limit limit = new WsSession.Limit(getEndpoint().getSendQueueLimit(),
                getEndpoint().getSendQueueMaxBytes());
        int sent = 0;
        int failed = 0;
        for (WsSession session : targets) {
            if (session.offer(text, limit)) {
                sent++;
            } else {
                failed++;
                LOG.debug("dropping WebSocket session {} of user {}", session.id(), session.user());
                path.remove(session.id());
            }
        }
        in.setHeader(WebsocketJsr356Constants.SENT, sent);
        in.setHeader(WebsocketJsr356Constants.FAILED, failed);
    }
}
