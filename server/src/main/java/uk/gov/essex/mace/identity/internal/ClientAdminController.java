package uk.gov.essex.mace.identity.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;

/**
 * Administrators revoke and reinstate OAuth2 clients (a partner system whose secret leaked, a
 * decommissioned system). A revoked client's tokens are refused at once, and it gets no new ones.
 */
@RestController
@RequestMapping("/api/admin/clients")
class ClientAdminController {

    private final ClientAdministration administration;

    ClientAdminController(ClientAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    ClientListResponse list(@AuthenticationPrincipal HubPrincipal who) {
        return administration.list(who);
    }

    @PostMapping("/{clientId}/revoke")
    ClientResponse revoke(@AuthenticationPrincipal HubPrincipal who, @PathVariable String clientId) {
        return administration.revoke(who, clientId);
    }

    @PostMapping("/{clientId}/reinstate")
    ClientResponse reinstate(@AuthenticationPrincipal HubPrincipal who, @PathVariable String clientId) {
        return administration.reinstate(who, clientId);
    }
}
