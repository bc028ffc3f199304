/**
 * Intelligence on a case: share (safely retried, de-duplicated by idempotency key), read your own
 * redacted projection, walk the timeline, revise and withdraw. Redaction happens on the hub: the
 * SDK only ever receives what the caller's agency and roles may see, with labelled placeholders
 * ({@link uk.gov.essex.mace.client.intel.Withheld}) for the rest.
 */
package uk.gov.essex.mace.client.intel;
