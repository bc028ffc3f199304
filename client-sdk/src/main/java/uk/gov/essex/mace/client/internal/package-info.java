/**
 * The SDK's machinery: HTTP with retries and back-off, tokens, JSON, problem mapping, STOMP.
 * Public only because Java 17 without modules has no other way to share it across the SDK's
 * packages: <strong>not API</strong>, it may change in any release (the Azure SDK's
 * {@code implementation} packages, by another name).
 */
package uk.gov.essex.mace.client.internal;
