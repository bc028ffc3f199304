/**
 * Rate limits: abuse limits on signing in, on the token endpoint and on writes to the API, per
 * address, per client and per user, answered 429 problem+json with {@code Retry-After}; and the
 * lockout with back-off that stops password guessing for one username from one address. Settings
 * under {@code hub.limits}; refusals and lockouts are audited.
 */
package uk.gov.essex.mace.ratelimit;
