package io.kycflow.cabinet.internal;

import java.util.UUID;

import io.kycflow.cabinet.CabinetRole;
import io.kycflow.shared.KycException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to who is in an organization's Cabinet: a member's role, a member's removal. An organization always keeps
 * at least one owner: the owners' rows are locked (FOR UPDATE) before the count, so two owners demoting each other at
 * once cannot both succeed. The caller ends the member's sessions ({@link SignIns#endSessionsOf}).
 */
@Service
class Membership {

    private final JdbcClient jdbc;
    private final Members members;

    Membership(JdbcClient jdbc, Members members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    /** Answers the member as they were before (their old role). */
    @Transactional
    Member changeRole(UUID organizationId, UUID memberId, CabinetRole role) {
        var member = members.inOrganization(organizationId, memberId);
        if (member.role() == CabinetRole.OWNER && role != CabinetRole.OWNER) {
            keepAnOwner(organizationId, "change the role of");
        }
        jdbc.sql("UPDATE cabinet_member SET role = ? WHERE id = ? AND organization_id = ?")
                .params(role.name(), memberId, organizationId).update();
        return member;
    }

    @Transactional
    Member remove(UUID organizationId, UUID memberId) {
        var member = members.inOrganization(organizationId, memberId);
        if (member.role() == CabinetRole.OWNER) {
            keepAnOwner(organizationId, "remove");
        }
        jdbc.sql("DELETE FROM cabinet_member WHERE id = ? AND organization_id = ?").params(memberId, organizationId).update();
        return member;
    }

    private void keepAnOwner(UUID organizationId, String what) {
        var owners = jdbc.sql("SELECT id FROM cabinet_member WHERE organization_id = ? AND role = 'OWNER' FOR UPDATE")
                .param(organizationId).query(UUID.class).list();
        if (owners.size() <= 1) {
            throw KycException.conflict("last_owner", "role", "You cannot " + what + " the organization's last owner. "
                    + "Make another member an owner first.");
        }
    }
}
