/**
 * Web: the pages agency staff use, served by the hub with no build step (static HTML and ES
 * modules under {@code /app/}, the STOMP client from a WebJar). The pages are one more client of
 * the public API and the live channel: they sign in through the embedded authorization server's
 * session (form login) and get a short-lived access token by authorization code with PKCE, held in
 * memory only; every read and write then goes through the same policy decision point, redaction
 * and audit as any partner system's. Every user-supplied string is rendered as text.
 */
package uk.gov.essex.mace.web;
