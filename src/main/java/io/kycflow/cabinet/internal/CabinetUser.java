package io.kycflow.cabinet.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.kycflow.cabinet.CabinetRole;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in member. Equal by member id, so the session registry finds all of a member's sessions ("log out
 * everywhere"). The password hash is erased after sign-in.
 */
final class CabinetUser implements UserDetails, CredentialsContainer {

    private final UUID id;
    private final UUID organizationId;
    private final String email;
    private final CabinetRole role;
    private final boolean locked;
    private @Nullable String passwordHash;

    CabinetUser(Member member, OffsetDateTime now) {
        this.id = member.id();
        this.organizationId = member.organizationId();
        this.email = member.email();
        this.role = member.role();
        this.locked = member.lockedUntil() != null && member.lockedUntil().isAfter(now);
        this.passwordHash = member.passwordHash();
    }

    UUID id() {
        return id;
    }

    UUID organizationId() {
        return organizationId;
    }

    String email() {
        return email;
    }

    CabinetRole role() {
        return role;
    }

    boolean can(CabinetRole minimum) {
        return role.atLeast(minimum);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CabinetUser user && user.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "CabinetUser[" + id + "]";
    }
}
