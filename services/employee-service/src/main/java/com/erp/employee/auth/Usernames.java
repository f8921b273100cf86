package com.erp.employee.auth;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The key a username's sign-in failures count under when no account has it: the spellings the database's collation
 * (utf8mb4_unicode_ci) takes for one name ("dév.x", "ＤＥＶ.Ｘ", "DEV.X ") share one key, as they share one account when
 * it exists; else counting made-up names as typed would tell them apart from real ones.
 */
final class Usernames {

    private Usernames() {
    }

    static String key(String username) {
        if (username == null) {
            return "";
        }
        // compatibility decomposition: full-width letters become ASCII, accents separate marks, which go
        String folded = Normalizer.normalize(username.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT);
    }
}
