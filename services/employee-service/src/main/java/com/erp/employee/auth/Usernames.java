package com.erp.employee.auth;

import java.text.Collator;
import java.util.Base64;
import java.util.Locale;

/**
 * The key a username's sign-in failures count under: spellings the database's collation (utf8mb4_unicode_ci, which
 * compares letters at the Unicode collation's primary strength) takes for one name ("dév.x", "ＤＥＶ.Ｘ", "DEV.X",
 * "jeßica" for "jessica") share one key, as they share one account when it exists; else counting made-up names as
 * typed would tell them apart from real ones. The JDK's collator at the same strength, close to the database's rule.
 */
final class Usernames {

    private static final ThreadLocal<Collator> COLLATORS = ThreadLocal.withInitial(() -> {
        Collator collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(Collator.PRIMARY);
        collator.setDecomposition(Collator.FULL_DECOMPOSITION);
        return collator;
    });

    private Usernames() {
    }

    static String key(String username) {
        if (username == null) {
            return "";
        }
        // the database ignores trailing spaces (PAD SPACE); leading ones are the user's typing
        return Base64.getEncoder().encodeToString(
                COLLATORS.get().getCollationKey(username.strip()).toByteArray());
    }
}
