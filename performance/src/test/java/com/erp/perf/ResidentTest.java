package com.erp.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResidentTest {

    @Test
    void splitsResidentMemoryIntoClassArchivesOtherFilesAndAnonymousMemory() {
        List<String> smaps = List.of(
                "e8000000-ffa00000 rw-p 00000000 00:00 0 ",
                "Size:             378880 kB",
                "Rss:               83532 kB",
                "Pss:               83532 kB",
                "VmFlags: rd wr mr mw me ac sd",
                "7f92b0bc7000-7f92b8df5000 rw-p 00001000 08:01 1234   /tmp/x/images/employee-service.jsa",
                "Rss:              133084 kB",
                "Private_Dirty:    133084 kB",
                "7f92b0000000-7f92b0bc7000 r--p 00000000 08:01 4567   /usr/lib/jvm/java-17/lib/server/classes.jsa",
                "Rss:               11984 kB",
                "7f9314c51000-7f93159a4000 r-xp 00251000 08:01 7890   /usr/lib/jvm/java-17/lib/server/libjvm.so",
                "Rss:               11084 kB",
                "5635e40d0000-5635e54de000 rw-p 00000000 00:00 0      [heap]",
                "Rss:                4868 kB",
                "7ffd2a1c0000-7ffd2a1e2000 rw-p 00000000 00:00 0      [stack]",
                "Rss:                 132 kB");
        // (133,084 + 11,984) / 1024, 11,084 / 1024, (83,532 + 4,868 + 132) / 1024
        assertThat(Resident.parse(smaps)).isEqualTo(new Resident(141, 10, 86));
    }

    @Test
    void theThreePartsOfARunningJvmAddUpToItsResidentSetSize() {
        long pid = ProcessHandle.current().pid();
        long before = Target.rssMb(pid);
        Resident here = Resident.of(pid);
        long after = Target.rssMb(pid);
        assertThat(here.filesMb()).as("libjvm at least").isPositive();
        assertThat(here.anonymousMb()).as("the heap at least").isPositive();
        // this JVM runs without an archive of its own; the JDK's may be mapped or not
        assertThat(here.archivesMb()).isNotNegative();
        assertThat(here.archivesMb() + here.filesMb() + here.anonymousMb()).isCloseTo((before + after) / 2, within(16L));
    }
}
