/**
 * Redaction: what one viewer may see of labelled content, decided by the policy decision point and
 * built on the server. Every channel's projection is made with {@link
 * uk.gov.essex.mace.redaction.Redactor}; withheld content is never serialised to that viewer.
 */
package uk.gov.essex.mace.redaction;
