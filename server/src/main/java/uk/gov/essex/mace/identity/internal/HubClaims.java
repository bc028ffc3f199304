package uk.gov.essex.mace.identity.internal;

/** Claim names of the embedded authorization server's access tokens. */
final class HubClaims {

    static final String AGENCY = "agency";
    static final String AGENCY_TYPE = "agency_type";
    static final String ROLES = "roles";
    static final String QUADRANTS = "quadrants";
    static final String CLIENT_ID = "client_id";

    private HubClaims() {}
}
