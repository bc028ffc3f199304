/**
 * Subject access: the record the hub holds about one child, exported as structured JSON for the
 * controller answering the child's (or their representative's) request under UK GDPR Art 15. Built
 * from the same per-record projections as every other channel, so nothing the exporting role may
 * not see is even decrypted; third-party identities (persons of interest, staff names) and
 * source-protected material are withheld as well, and the export lists what was withheld and why
 * (counts per label, no content). Every export is audited ({@code case.sar.export}).
 */
package uk.gov.essex.mace.sar;
