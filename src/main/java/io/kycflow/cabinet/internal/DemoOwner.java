package io.kycflow.cabinet.internal;

import java.util.List;
import java.util.UUID;

import io.kycflow.cabinet.CabinetRole;
import io.kycflow.organization.DemoAnnouncement;
import io.kycflow.security.ApiKeys;
import io.kycflow.session.SessionProperties;
import org.springframework.stereotype.Component;

/** The demo organization's owner, {@code demo@kycflow.local}, with a generated password printed once beside its key. */
@Component
class DemoOwner implements DemoAnnouncement {

    static final String EMAIL = "demo@kycflow.local";

    private final Members members;
    private final SessionProperties links;

    DemoOwner(Members members, SessionProperties links) {
        this.members = members;
        this.links = links;
    }

    @Override
    public List<String> demoOrganizationCreated(UUID organizationId) {
        if (members.findByEmail(EMAIL).isPresent()) {
            return List.of();
        }
        var password = ApiKeys.generate().substring(0, 20);
        members.create(organizationId, EMAIL, CabinetRole.OWNER, password);
        var cabinet = links.publicBaseUrl().replaceAll("/+$", "") + "/cabinet/";
        return List.of("",
                "Cabinet (the organization's web console): " + cabinet,
                "  sign in as " + EMAIL + " with the password (printed once): " + password);
    }
}
