package com.erp.employee.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

import com.erp.routes.common.web.ProblemException;

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

    /** The earliest hire date taken: records of people hired before it are not this system's to keep. */
    static final LocalDate EARLIEST_HIRE = LocalDate.of(1950, 1, 1);

    /**
     * The hire date of a hire: the one given (an ISO day, which the contract checked), or today; 422 for one more than a
     * year ahead or before {@link #EARLIEST_HIRE}.
     */
    public static LocalDate hireDate(String given, LocalDate today) {
        if (given == null) {
            return today;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(given);
        } catch (DateTimeParseException e) {
            throw ProblemException.unprocessable("hiredOn '" + given + "' is not a day (YYYY-MM-DD).");
        }
        if (day.isAfter(today.plusYears(1))) {
            throw ProblemException.unprocessable("The hire date " + day
                    + " is more than a year ahead; hire them nearer the day.");
        }
        if (day.isBefore(EARLIEST_HIRE)) {
            throw ProblemException.unprocessable("The hire date " + day + " is before "
                    + EARLIEST_HIRE + ".");
        }
        return day;
    }
}
