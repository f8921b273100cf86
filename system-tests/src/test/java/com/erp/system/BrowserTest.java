package com.erp.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.erp.devinfra.FreePort;
import com.erp.devinfra.ServiceProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in a real browser against the quick start's jar: {@code ui/e2e/walk.mjs} drives Debian's Chromium
 * through playwright-core (sign-in, a document drafted in the page and approved by two people who watch it arrive
 * over the WebSocket, the drafter's page turning to approved by itself, a leave held, problems shown in words, the
 * operations page kept from non-administrators). Without Chromium the test is skipped, unless
 * {@code ERP_REQUIRE_BROWSER} is set, as {@code .ci/run} does after installing it: there a missing browser fails.
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ERP_CHROMIUM", "/usr/bin/chromium"));

    @Test
    void theUiWalksThroughAnApprovalInABrowser(@TempDir Path work) throws Exception {
        boolean required = System.getenv("ERP_REQUIRE_BROWSER") != null;
        if (!Files.isExecutable(CHROMIUM)) {
            assertThat(required).as("ERP_REQUIRE_BROWSER is set but there is no browser at %s", CHROMIUM).isFalse();
            Assumptions.abort("no Chromium at " + CHROMIUM + " (apt install chromium, or set ERP_CHROMIUM)");
        }
        Path ui = Path.of(System.getProperty("erp.ui.dir", "../ui")).toAbsolutePath().normalize();
        assertThat(ui.resolve("node_modules/playwright-core")).as("the ui module's npm ci ran").isDirectory();

        Path jar = Path.of(System.getProperty("erp.services.dir", "target/services")).resolve("standalone.jar");
        Path data = work.resolve("data");
        try (ServiceProcess system = new ServiceProcess("erp-standalone", jar, FreePort.find(),
                Map.of("ERP_DATA_DIR", data.toString()), work, List.of("-Xmx1g", "-XX:+UseParallelGC"))) {
            system.awaitReady(Duration.ofSeconds(180));
            Path shots = Path.of("target/browser").toAbsolutePath();
            Path output = work.resolve("walk.log");
            ProcessBuilder walk = new ProcessBuilder("node", "e2e/walk.mjs").directory(ui.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            walk.environment().putAll(Map.of(
                    "ERP_BASE_URL", system.baseUrl(),
                    "ERP_PASSWORD", Files.readString(data.resolve("demo-password.txt")).trim(),
                    "ERP_CHROMIUM", CHROMIUM.toString(),
                    "ERP_SHOTS", shots.toString()));
            Process p = walk.start();
            boolean finished = p.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println(log);
            assertThat(finished).as("the walk finished within 5 minutes:\n%s", log).isTrue();
            assertThat(p.exitValue()).as("the walk (screenshots in %s):\n%s\nsystem log:\n%s", shots, log, system.tail())
                    .isZero();
            assertThat(log).contains("UI walk: all steps passed");
        }
    }
}
