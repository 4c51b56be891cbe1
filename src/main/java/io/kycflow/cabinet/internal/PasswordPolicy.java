package io.kycflow.cabinet.internal;

import java.util.Locale;

import io.kycflow.shared.KycException;

/** At least 12 characters (at most 128: Argon2 hashes whatever it gets), and not the account's e-mail. */
final class PasswordPolicy {

    static final int MIN = 12;
    static final int MAX = 128;

    private PasswordPolicy() {
    }

    static void check(String password, String email) {
        if (password.codePointCount(0, password.length()) < MIN) {
            throw KycException.invalid("password", "The password must be at least " + MIN + " characters long.");
        }
        if (password.length() > MAX) {
            throw KycException.invalid("password", "The password must be at most " + MAX + " characters long.");
        }
        var lower = password.strip().toLowerCase(Locale.ROOT);
        var address = Members.normalized(email);
        if (lower.equals(address) || lower.equals(address.substring(0, Math.max(0, address.indexOf('@'))))) {
            throw KycException.invalid("password", "The password must not be your e-mail address.");
        }
    }
}
