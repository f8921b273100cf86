package com.erp.routes.common.security;

/**
 * The firewall's rule for header names and values, as Spring Security's default states it (only assigned code
 * points, no control characters), checked with a loop instead of a Unicode-property regex: the regex ran over
 * every bearer token several times per request and was the largest cost of a request's security filters.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    public static boolean allowed(String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (cp < 0x20 || cp > 0x7e) { // printable ASCII needs no further check
                if (Character.isISOControl(cp) || Character.getType(cp) == Character.UNASSIGNED) {
                    return false;
                }
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
