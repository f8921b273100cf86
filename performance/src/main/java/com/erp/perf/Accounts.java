package com.erp.perf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Tokens of the demo organisation's people, logged in once. */
public final class Accounts {

    /** The drafter → team lead → head chains of the demo organisation. */
    public record Chain(String staff, String lead, String head, long leadId, long headId) {
    }

    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Long> ids = new HashMap<>();
    private final Http http;
    private final String employeeBase;
    private final String password;

    public Accounts(Http http, String employeeBase, String password) {
        this.http = http;
        this.employeeBase = employeeBase;
        this.password = password;
    }

    public Http http() {
        return http;
    }

    public synchronized String token(String username) {
        return tokens.computeIfAbsent(username, u -> {
            Http.Result r = http.postJson(employeeBase + "/api/auth/login", null,
                    "{\"username\":\"" + u + "\",\"password\":\"" + password + "\"}");
            if (r.status() != 200) {
                throw new IllegalStateException("login " + u + " failed: " + r.status() + " " + r.body());
            }
            JsonNode body = r.json();
            ids.put(u, body.path("employee").path("id").asLong());
            return body.path("accessToken").asText();
        });
    }

    public synchronized long id(String username) {
        token(username);
        return ids.get(username);
    }

    public List<Chain> chains() {
        return List.of(chain("dev"), chain("sales"));
    }

    private Chain chain(String prefix) {
        return new Chain(prefix + ".staff", prefix + ".lead", prefix + ".head", id(prefix + ".lead"), id(prefix + ".head"));
    }
}
