package com.erp.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The suite starts the service JVMs with the options the image does (k8s/images/service.jvm). */
class ServiceJvmOptionsTest {

    @Test
    void theImagesArgumentFileIsReadAsTheLauncherReadsIt() throws Exception {
        List<String> options = ServiceImage.jvmOptions();

        assertThat(options).contains("-XX:+UseSerialGC", "-Xmn24m", "-XX:TrimNativeHeapInterval=5000")
                .allSatisfy(option -> assertThat(option).startsWith("-").doesNotContain("#").doesNotContainAnyWhitespaces());
        assertThat(Target.serviceJvm()).as("what the suite starts its service JVMs with").containsAll(options);
        // and the launcher accepts the file as the image's entry point gives it
        URL file = ServiceImage.class.getClassLoader().getResource(ServiceImage.JVM_OPTIONS);
        Process java = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "@" + Path.of(file.toURI()), "-version").redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());
        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
    }
}
