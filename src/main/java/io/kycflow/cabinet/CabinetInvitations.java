package io.kycflow.cabinet;

import java.util.UUID;

import io.kycflow.cabinet.internal.Invitations;
import io.kycflow.organization.OrganizationService;
import org.springframework.stereotype.Service;

/** Invitations to an organization's Cabinet, for the operator's admin API (the first owner). */
@Service
public class CabinetInvitations {

    private final Invitations invitations;
    private final OrganizationService organizations;

    CabinetInvitations(Invitations invitations, OrganizationService organizations) {
        this.invitations = invitations;
        this.organizations = organizations;
    }

    /** An owner invitation for {@code email}; the organization must exist (else 404). */
    public Invitation inviteOwner(UUID organizationId, String email) {
        organizations.get(organizationId);
        return invitations.invite(organizationId, email, CabinetRole.OWNER, "operator");
    }
}
