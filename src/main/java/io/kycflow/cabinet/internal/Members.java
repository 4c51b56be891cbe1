package io.kycflow.cabinet.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.kycflow.cabinet.CabinetRole;
import io.kycflow.shared.KycException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** The cabinet_member table: accounts, password hashes and the lockout counters. */
@Repository
class Members {

    private static final String COLUMNS = "id, organization_id, email, role, password_hash, failed_logins, locked_until, created_at";
    private static final String SELECT = "SELECT " + COLUMNS + ", totp_secret IS NOT NULL AS two_factor FROM cabinet_member ";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    Members(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    Optional<Member> findByEmail(String email) {
        return jdbc.sql(SELECT + "WHERE email = ?").param(normalized(email))
                .query(Member.class).optional();
    }

    Optional<Member> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(Member.class).optional();
    }

    List<Member> ofOrganization(UUID organizationId) {
        return jdbc.sql(SELECT + "WHERE organization_id = ? ORDER BY created_at")
                .param(organizationId).query(Member.class).list();
    }

    /** A new member with a password that passed {@link PasswordPolicy}; an e-mail already in use is a conflict. */
    Member create(UUID organizationId, String email, CabinetRole role, String password) {
        var member = new Member(UUID.randomUUID(), organizationId, normalized(email), role, encoder.encode(password), 0,
                null, now(), false);
        try {
            jdbc.sql("INSERT INTO cabinet_member (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(member.id(), member.organizationId(), member.email(), member.role().name(),
                            member.passwordHash(), 0, null, member.createdAt())
                    .update();
        } catch (DuplicateKeyException e) {
            throw KycException.conflict("member_exists", "email", "This e-mail already has a Cabinet account.");
        }
        return member;
    }

    /** The member {@code id} if it belongs to {@code organizationId}: another organization's member is "not found". */
    Member inOrganization(UUID organizationId, UUID id) {
        return find(id).filter(member -> member.organizationId().equals(organizationId))
                .orElseThrow(() -> KycException.notFound("member_not_found", "There is no such member in your organization."));
    }

    boolean passwordMatches(Member member, String password) {
        return encoder.matches(password, member.passwordHash());
    }

    /** One more wrong password; the {@code max}-th in a row locks the account until {@code lockedUntil}. */
    void recordFailure(UUID id, int max, OffsetDateTime lockedUntil) {
        jdbc.sql("UPDATE cabinet_member SET failed_logins = failed_logins + 1 WHERE id = ?").param(id).update();
        jdbc.sql("UPDATE cabinet_member SET failed_logins = 0, locked_until = ? WHERE id = ? AND failed_logins >= ?")
                .params(lockedUntil, id, max).update();
    }

    void recordSuccess(UUID id) {
        jdbc.sql("UPDATE cabinet_member SET failed_logins = 0, locked_until = NULL WHERE id = ?").param(id).update();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
