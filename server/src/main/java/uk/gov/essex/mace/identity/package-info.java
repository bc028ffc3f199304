/**
 * Identity: the embedded OAuth2 authorization server, the resource-server side that validates
 * bearer tokens from it and from configured external issuers, and {@link
 * uk.gov.essex.mace.identity.HubPrincipal}, the one description of a caller that policy decisions use.
 */
package uk.gov.essex.mace.identity;
