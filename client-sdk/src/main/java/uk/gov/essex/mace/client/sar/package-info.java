/**
 * Subject access: the record the hub holds about one child, exported as structured data for the
 * controller answering the child's (or their representative's) request under UK GDPR Art 15: the
 * case, risk records, intelligence, alerts and MACE meeting records, with a list of each thing
 * withheld (kind, id, reason; never content). Exported by a children's social care practitioner of
 * a member agency or the chair of the case's quadrant; every export is audited on the hub.
 */
package uk.gov.essex.mace.client.sar;
