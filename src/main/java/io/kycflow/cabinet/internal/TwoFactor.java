package io.kycflow.cabinet.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.kycflow.security.ApiKeys;
import io.kycflow.security.MasterKey;
import io.kycflow.security.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's TOTP authenticator and recovery codes. The secret is stored sealed (AES-256-GCM under the master key's
 * subkey for this purpose, the member id as associated data), never logged and shown only while enrolling. A code is
 * accepted by moving {@code totp_last_step} forward in one conditional UPDATE, so two requests cannot both use it;
 * a recovery code likewise by marking it used.
 */
@Service
class TwoFactor {

    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How a second factor was given. */
    enum Proof { AUTHENTICATOR, RECOVERY_CODE, WRONG }

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Clock clock = Clock.systemUTC();

    TwoFactor(JdbcClient jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.box = masterKey.secretBox("kycflow cabinet totp secret v1");
    }

    /**
     * Enrols {@code secret} when {@code code} is its current code; answers the new recovery codes (shown once), or an
     * empty list when the code is wrong and nothing changed.
     */
    @Transactional
    List<String> enrol(UUID memberId, byte[] secret, String code) {
        var step = Totp.matchingStep(secret, code, clock.instant(), Long.MIN_VALUE);
        if (step.isEmpty()) {
            return List.of();
        }
        jdbc.sql("UPDATE cabinet_member SET totp_secret = ?, totp_last_step = ?, totp_enabled_at = ? WHERE id = ?")
                .params(box.seal(secret, associatedData(memberId)), step.getAsLong(), Members.now(), memberId).update();
        jdbc.sql("DELETE FROM cabinet_recovery_code WHERE member_id = ?").param(memberId).update();
        var codes = new ArrayList<String>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            var recovery = newRecoveryCode();
            codes.add(recovery);
            jdbc.sql("INSERT INTO cabinet_recovery_code (member_id, code_hash) VALUES (?, ?)")
                    .params(memberId, hash(recovery)).update();
        }
        return codes;
    }

    /** Checks an authenticator code (6 digits) or a recovery code, and uses it up. */
    Proof verify(UUID memberId, String typed) {
        var input = typed.strip();
        if (input.isEmpty() || input.length() > 40) {
            return Proof.WRONG;
        }
        if (input.replace(" ", "").chars().allMatch(Character::isDigit)) {
            return authenticatorCode(memberId, input) ? Proof.AUTHENTICATOR : Proof.WRONG;
        }
        int used = jdbc.sql("UPDATE cabinet_recovery_code SET used_at = ? WHERE member_id = ? AND code_hash = ? AND used_at IS NULL")
                .params(Members.now(), memberId, hash(input)).update();
        return used == 1 ? Proof.RECOVERY_CODE : Proof.WRONG;
    }

    private boolean authenticatorCode(UUID memberId, String code) {
        var stored = jdbc.sql("SELECT totp_secret, totp_last_step FROM cabinet_member WHERE id = ? AND totp_secret IS NOT NULL")
                .param(memberId).query((rs, n) -> new Stored(rs.getBytes(1), rs.getLong(2))).optional();
        if (stored.isEmpty()) {
            return false;
        }
        var secret = box.open(stored.get().sealed(), associatedData(memberId));
        var step = Totp.matchingStep(secret, code, clock.instant(), stored.get().lastStep());
        if (step.isEmpty()) {
            return false;
        }
        return jdbc.sql("UPDATE cabinet_member SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?")
                .params(step.getAsLong(), memberId, step.getAsLong()).update() == 1;
    }

    private record Stored(byte[] sealed, long lastStep) {
    }

    @Transactional
    void disable(UUID memberId) {
        jdbc.sql("UPDATE cabinet_member SET totp_secret = NULL, totp_last_step = NULL, totp_enabled_at = NULL WHERE id = ?")
                .param(memberId).update();
        jdbc.sql("DELETE FROM cabinet_recovery_code WHERE member_id = ?").param(memberId).update();
    }

    int unusedRecoveryCodes(UUID memberId) {
        return jdbc.sql("SELECT COUNT(*) FROM cabinet_recovery_code WHERE member_id = ? AND used_at IS NULL")
                .param(memberId).query(Integer.class).single();
    }

    /** Ten characters in two groups, e.g. {@code k7dq4-x9mhe}: 50 random bits, easy to copy by hand. */
    private static String newRecoveryCode() {
        var code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    /** Typed as shown or without the dash, in any case. */
    private static String hash(String recoveryCode) {
        return ApiKeys.lookupHash(recoveryCode.toLowerCase(Locale.ROOT).replace("-", "").replace(" ", ""));
    }

    private static byte[] associatedData(UUID memberId) {
        return ("kycflow-cabinet-totp:" + memberId).getBytes(StandardCharsets.US_ASCII);
    }
}
