package com.erp.employee.auth;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key a username's sign-in failures count under: spellings the database's collation (utf8mb4_unicode_ci) takes for
 * one name ("dév.x", "ＤＥＶ.Ｘ", "DEV.X", "jeßica" for "jessica") share one key, as they share one account when it
 * exists; else counting made-up names as typed would tell them apart from real ones. Letters and digits compare as the
 * JDK's collator does at primary strength (accents, letter case, width and ß/ss alike, close to the database's rule);
 * everything between them as itself, in its compatibility form (the collator would ignore "-" and spaces, which the
 * database does not: "lee-jin" and "leejin" may be two people). What the database ignores is left out: format
 * characters (a soft hyphen), controls other than whitespace, marks with no letter before them.
 */
final class Usernames {

    /** What the collation ignores: format characters (a soft hyphen) and controls other than whitespace. */
    private static final Pattern IGNORED = Pattern.compile("[\\p{Cf}[\\p{Cc}&&[^\\t\\n\\x0B\\f\\r\\x85]]]");

    /** A run of letters and digits (with their marks), or any one other character. */
    private static final Pattern RUNS = Pattern.compile("([\\p{L}\\p{N}\\p{M}]+)|[^\\p{L}\\p{N}\\p{M}]");

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
        // compatibility forms first (a full-width stop is a stop), the database ignores trailing spaces (PAD SPACE)
        String name = IGNORED.matcher(Normalizer.normalize(username, Normalizer.Form.NFKC)).replaceAll("").strip();
        StringBuilder key = new StringBuilder();
        Matcher runs = RUNS.matcher(name);
        Collator collator = COLLATORS.get();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        while (runs.find()) {
            String run = runs.group();
            if (runs.group(1) != null) {
                byte[] primary = collator.getCollationKey(run).toByteArray();
                if (isEmpty(primary)) {
                    continue; // marks alone (after a stop, say): ignored, as accents are
                }
                key.append('a').append(base64.encodeToString(primary));
            } else {
                key.append('s').append(run.toLowerCase(Locale.ROOT));
            }
            key.append('/');
        }
        return key.toString();
    }

    /** A collation key with no weight (the JDK's keys of ignorable text are all zero bytes, or none). */
    private static boolean isEmpty(byte[] key) {
        for (byte b : key) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
