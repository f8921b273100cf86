package com.erp.routes.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The sign-in page's redirect after login (static/js/safe-next.js), run in Node as a browser would run it. */
class SafeNextScriptTest {

    @Test
    void afterSignInTheBrowserStaysOnThisSite() throws Exception {
        assertThat(run(List.of("/actuator/hawtio/", "/a?b=c#d", "")))
                .containsExactly("/actuator/hawtio/", "/a?b=c#d", "/");
        // targets a browser resolves to another host, or to no page at all
        assertThat(run(List.of("//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example/x",
                "javascript:alert(1)", " /\\evil.example"))).containsOnly("/");
        // nor the console's JMX bridge, which acts on a GET: a link would run the operation it names as the next page
        assertThat(run(List.of("/actuator/jolokia/exec/com.erp:type=DispatchMode/switchMode/SYNC",
                "/actuator/hawtio/jolokia/exec/com.erp:type=DeadLetters/replayTopic/x", "/actuator/%4Aolokia/version",
                "/actuator/hawtio/proxy/http/example", "/actuator/%E0%A4%A/x"))).containsOnly("/");
    }

    private static List<String> run(List<String> targets) throws Exception {
        Path script = Path.of(SafeNextScriptTest.class.getResource("/static/js/safe-next.js").toURI());
        StringBuilder program = new StringBuilder("const { safeNext } = require(" + quote(script.toString()) + ");\n");
        for (String t : targets) {
            program.append("console.log(safeNext(").append(quote(t)).append(", 'http://localhost:8080'));\n");
        }
        Process node = new ProcessBuilder("node", "-e", program.toString()).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            q.append(c < 0x20 || c == '"' || c == '\\' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return q.append('"').toString();
    }
}
