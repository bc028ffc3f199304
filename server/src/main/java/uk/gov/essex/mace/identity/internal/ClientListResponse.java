package uk.gov.essex.mace.identity.internal;

import java.util.List;

/** Every configured OAuth2 client, and every revoked client id (including ones no longer configured). */
record ClientListResponse(List<ClientResponse> clients, List<String> revoked) {

    ClientListResponse {
        clients = List.copyOf(clients);
        revoked = List.copyOf(revoked);
    }
}
