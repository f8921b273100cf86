package com.erp.routes.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    // Spring Security's default rule for header names and values (StrictHttpFirewall)
    private static final Pattern DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void agreesWithTheDefaultRule() {
        List<String> samples = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln-_", "application/json",
                "김민준", "tab\there", "new\nline", "nul\0", "del\u007f", "c1\u0085", "unassigned\u0378",
                "emoji \uD83D\uDE00", "lone surrogate \uD800", "private use \uE000", "é and ü", "\u00a0nbsp");
        for (String s : samples) {
            assertThat(HeaderValues.allowed(s)).as("%s", s.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(DEFAULT.matcher(s).matches());
        }
        for (int cp = 0; cp < 0x3000; cp++) {
            String s = new String(Character.toChars(cp));
            assertThat(HeaderValues.allowed(s)).as("U+%04X", cp).isEqualTo(DEFAULT.matcher(s).matches());
        }
    }
}
