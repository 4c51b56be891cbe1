package io.kycflow.cabinet.internal;

import org.springframework.stereotype.Component;

/**
 * The member types their password again before a secret is shown or replaced (the organization's key, a flow's key):
 * a session left open on a shared computer does not give the keys away.
 */
@Component
class Reauthentication {

    private final Members members;

    Reauthentication(Members members) {
        this.members = members;
    }

    boolean confirms(CabinetUser me, String password) {
        return members.find(me.id()).filter(member -> members.passwordMatches(member, password)).isPresent();
    }
}
