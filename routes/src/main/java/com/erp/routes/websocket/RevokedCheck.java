package com.erp.routes.websocket;

/** Whether a session's token is refused by now: its user, the token version and the token id it opened with. */
@FunctionalInterface
public interface RevokedCheck {

    /** @param tokenVersion null: not known; @param tokenId null: none */
    boolean refuses(String user, Long tokenVersion, String tokenId);
}
