/**
 * Lawful handling a partner system takes part in: legal holds, which keep a case from erasure
 * under its retention schedule while proceedings or an inquiry need it. Placed and lifted, each
 * with a reason, by the chair of the case's quadrant or by a police intelligence officer of a
 * member police agency (a person's token, through {@code HubClientBuilder.tokenSupplier}). The
 * retention review and two-person erasure approval are the hub's own administration and are not
 * in the SDK.
 */
package uk.gov.essex.mace.client.retention;
