package io.kycflow.cabinet.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.kycflow.cabinet.CabinetRole;
import io.kycflow.cabinet.Invitation;
import io.kycflow.security.ApiKeys;
import io.kycflow.session.SessionProperties;
import io.kycflow.shared.KycException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time invitation links. The token is a random key shown once; only its SHA-256 is stored, so the table gives
 * nobody a working link. Accepting one marks it used and creates the member in one transaction.
 */
@Service
public class Invitations {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,63}");

    private final JdbcClient jdbc;
    private final Members members;
    private final CabinetProperties properties;
    private final SessionProperties links;

    Invitations(JdbcClient jdbc, Members members, CabinetProperties properties, SessionProperties links) {
        this.jdbc = jdbc;
        this.members = members;
        this.properties = properties;
        this.links = links;
    }

    record Pending(String email, UUID organizationId, CabinetRole role, OffsetDateTime expiresAt) {
    }

    /** An invitation as its organization's owners see it; {@code ref} (the token's hash, not the token) names it. */
    public record Sent(String ref, String email, CabinetRole role, String invitedBy, OffsetDateTime createdAt,
                       OffsetDateTime expiresAt, @Nullable OffsetDateTime usedAt, @Nullable OffsetDateTime revokedAt) {

        public String state() {
            return usedAt != null ? "used" : revokedAt != null ? "revoked"
                    : expiresAt.isBefore(Members.now()) ? "expired" : "open";
        }
    }

    static String checkedEmail(String email) {
        var normalized = Members.normalized(email);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw KycException.invalid("email", "email must be an e-mail address such as owner@example.com");
        }
        return normalized;
    }

    public Invitation invite(UUID organizationId, String email, CabinetRole role, String invitedBy) {
        var address = checkedEmail(email);
        if (members.findByEmail(address).isPresent()) {
            throw KycException.conflict("member_exists", "email", "This e-mail already has a Cabinet account.");
        }
        var token = ApiKeys.generate();
        var now = Members.now();
        var expires = now.plus(properties.invitationTtl());
        jdbc.sql("""
                        INSERT INTO cabinet_invitation (token_hash, organization_id, email, role, invited_by, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(ApiKeys.lookupHash(token), organizationId, address, role.name(), invitedBy, now, expires).update();
        var base = links.publicBaseUrl().replaceAll("/+$", "");
        return new Invitation(base + "/cabinet/invitations/" + token, expires);
    }

    /** The invitation behind a token, while it is unused and unexpired. */
    Optional<Pending> open(String token) {
        if (!ApiKeys.plausible(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT email, organization_id, role, expires_at FROM cabinet_invitation
                        WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?""")
                .params(ApiKeys.lookupHash(token), Members.now()).query(Pending.class).optional();
    }

    /** Uses the invitation (once) and creates its member with {@code password}, which must pass the policy. */
    @Transactional
    Member accept(String token, String password) {
        var pending = open(token).orElseThrow(Invitations::gone);
        PasswordPolicy.check(password, pending.email());
        int used = jdbc.sql("UPDATE cabinet_invitation SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL")
                .params(Members.now(), ApiKeys.lookupHash(token)).update();
        if (used != 1) {
            throw gone();
        }
        return members.create(pending.organizationId(), pending.email(), pending.role(), password);
    }

    List<Sent> ofOrganization(UUID organizationId) {
        return jdbc.sql("""
                        SELECT token_hash AS ref, email, role, invited_by, created_at, expires_at, used_at, revoked_at
                        FROM cabinet_invitation
                        WHERE organization_id = ? ORDER BY created_at DESC FETCH FIRST 100 ROWS ONLY""")
                .param(organizationId).query(Sent.class).list();
    }

    /** Revokes an unused invitation of the organization; answers its e-mail. */
    String revoke(UUID organizationId, String ref) {
        var email = jdbc.sql("""
                        SELECT email FROM cabinet_invitation
                        WHERE token_hash = ? AND organization_id = ? AND used_at IS NULL AND revoked_at IS NULL""")
                .params(ref, organizationId).query(String.class).optional()
                .orElseThrow(() -> KycException.notFound("invitation_not_found",
                        "That invitation was already used or revoked, or is not one of your organization's."));
        jdbc.sql("UPDATE cabinet_invitation SET revoked_at = ? WHERE token_hash = ? AND organization_id = ? AND revoked_at IS NULL")
                .params(Members.now(), ref, organizationId).update();
        return email;
    }

    private static KycException gone() {
        return KycException.notFound("invitation_not_found",
                "This invitation link was already used or has expired. Ask for a new one.");
    }
}
