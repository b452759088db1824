package io.pledge.security.web;

import io.pledge.security.User;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A signed-in user as Spring Security holds it, with the client a CLIENT user acts for. */
final class PledgeUserDetails extends org.springframework.security.core.userdetails.User {

    private final UUID clientId;
    private final int failedSignIns;

    PledgeUserDetails(User user, boolean locked) {
        super(
                user.email(),
                user.passwordHash(),
                true,
                true,
                true,
                !locked,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
        this.clientId = user.clientId();
        this.failedSignIns = user.failedSignIns();
    }

    UUID clientId() {
        return clientId;
    }

    int failedSignIns() {
        return failedSignIns;
    }
}
