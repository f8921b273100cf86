package com.erp.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run leaves its logs next to its report and no servers' data behind. */
class WorkDirTest {

    @TempDir
    Path temp;

    @Test
    void logsAreKeptAndEverythingElseIsDeleted() throws Exception {
        Path work = Files.createDirectories(temp.resolve("erp-perf-1"));
        write(work.resolve("sut/standalone.log"), "started");
        write(work.resolve("sut/mongo.log"), "listening");
        write(work.resolve("services/images/employee-service-training.log"), "trained");
        write(work.resolve("sut/data/kafka/approval.submitted-0/00000000000000000000.log"), "segment");
        write(work.resolve("sut/data/mariadb/ibdata1"), "pages");
        Path logs = temp.resolve("results/logs");

        WorkDir.keepLogsAndDelete(work, logs);

        assertThat(work).doesNotExist();
        assertThat(logs.resolve("sut/standalone.log")).hasContent("started");
        assertThat(logs.resolve("sut/mongo.log")).hasContent("listening");
        assertThat(logs.resolve("services/images/employee-service-training.log")).hasContent("trained");
        assertThat(logs.resolve("sut/data")).as("Kafka segments are data, not logs").doesNotExist();
    }

    @Test
    void aFolderThatIsNotThereIsNothingToDo() throws Exception {
        WorkDir.keepLogsAndDelete(temp.resolve("never-made"), temp.resolve("logs"));
        assertThat(temp.resolve("logs")).doesNotExist();
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
