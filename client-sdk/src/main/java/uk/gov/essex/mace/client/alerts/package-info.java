/**
 * MACE alerts: raised by the hub when a child meets the MACE criteria (and review prompts), read
 * and managed over REST, and pushed live to {@code /user/queue/alerts}. Alerts name the case,
 * never the child.
 */
package uk.gov.essex.mace.client.alerts;
