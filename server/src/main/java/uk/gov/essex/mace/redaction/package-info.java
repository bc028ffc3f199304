/**
 * Redaction: what one viewer may see of labelled content, decided by the policy decision point and
 * built on the server. Every channel's projection is made with {@link
 * uk.gov.essex.mace.redaction.Redactor}; withheld content is never serialised to that viewer. Every
 * labelled record (intelligence, indicators, minutes) is checked before it is stored by {@link
 * uk.gov.essex.mace.redaction.LabelRules}, its restricted segments written in {@link
 * uk.gov.essex.mace.redaction.SegmentMarkup}.
 */
package uk.gov.essex.mace.redaction;
