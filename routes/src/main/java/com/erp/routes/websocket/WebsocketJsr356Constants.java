package com.erp.routes.websocket;

/** Message headers of the {@code websocket-jsr356} component. */
public final class WebsocketJsr356Constants {

    /** Consumer: the authenticated user who sent the message. Producer: send to all of this user's sessions. */
    public static final String USER = "CamelWebsocketJsr356User";
    /** Consumer: the session the message came from. Producer: send to this session only. */
    public static final String SESSION_ID = "CamelWebsocketJsr356SessionId";
    /** Consumer: the path the session is connected to. */
    public static final String PATH = "CamelWebsocketJsr356Path";
    /** Producer result: for how many sessions the message was queued (written in order, without waiting). */
    public static final String SENT = "CamelWebsocketJsr356Sent";
    /** Producer result: how many sessions were closed or too far behind (they are closed and forgotten). */
    public static final String FAILED = "CamelWebsocketJsr356Failed";

    private WebsocketJsr356Constants() {
    }
}
