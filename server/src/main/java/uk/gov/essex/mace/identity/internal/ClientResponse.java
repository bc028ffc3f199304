package uk.gov.essex.mace.identity.internal;

/**
 * An OAuth2 client as administrators see it.
 *
 * @param clientId the client id
 * @param kind {@code confidential} (client credentials, a partner system) or {@code public} (PKCE)
 * @param revoked whether its tokens are refused
 * @param revokedByConfiguration whether the revocation comes from configuration (cannot be lifted through the API)
 */
record ClientResponse(String clientId, String kind, boolean revoked, boolean revokedByConfiguration) {}
