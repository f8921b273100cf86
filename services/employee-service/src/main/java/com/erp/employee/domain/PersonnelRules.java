package com.erp.employee.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * 인사: the rules for hiring someone and for passwords. A new employee gets a temporary password, shown once to the
 * administrator who hired them, which they replace with their own.
 */
public final class PersonnelRules {

    public static final int MIN_PASSWORD = 10;
    /** What BCrypt hashes of a password: its first 72 bytes (UTF-8); a longer one is refused, not cut short. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int TEMPORARY_LENGTH = 16;
    /** Letters and digits that cannot be taken for one another when read out or copied by hand (no 0/O, 1/l/I). */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private PersonnelRules() {
    }

    /** A temporary password: {@value #TEMPORARY_LENGTH} characters of the alphabet, from a secure generator. */
    public static String temporaryPassword(RandomGenerator random) {
        StringBuilder password = new StringBuilder(TEMPORARY_LENGTH);
        for (int i = 0; i < TEMPORARY_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** Why {@code password} cannot be {@code username}'s new password (replacing {@code current}), or empty. */
    public static Optional<String> passwordViolation(String username, String current, String password) {
        if (password.strip().length() < MIN_PASSWORD) {
            return Optional.of("A password has at least " + MIN_PASSWORD + " characters other than spaces around them.");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("A password has at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8 (72 letters or digits, 24"
                    + " Korean syllables).");
        }
        if (password.equals(current)) {
            return Optional.of("The new password is the current one; choose another.");
        }
        if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("A password must not contain the username.");
        }
        return Optional.empty();
    }

    /** Why someone in {@code teamDepartmentId}'s team cannot be in department {@code departmentId}, or empty. */
    public static Optional<String> teamViolation(long departmentId, String departmentName, Long teamDepartmentId,
                                                 String teamName) {
        if (teamDepartmentId != null && teamDepartmentId != departmentId) {
            return Optional.of("Team " + teamName + " is not one of " + departmentName + "'s teams.");
        }
        return Optional.empty();
    }
}
