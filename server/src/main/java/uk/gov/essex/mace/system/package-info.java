/**
 * Cross-cutting wiring: request ids, RFC 9457 problem responses, body size limits and the clock.
 * Owns no domain data.
 */
package uk.gov.essex.mace.system;
