/**
 * Subject access: the record the hub holds about one child, exported as structured JSON for the
 * controller answering the child's (or their representative's) request under UK GDPR Art 15: the
 * case, risk records, intelligence, alerts and MACE meeting records. Built from the same per-record
 * projections as every other channel, read through each feature's public disclosure interface, so
 * nothing the exporting role may not see is even decrypted; third-party identities (persons of
 * interest, staff names) and source-protected material are withheld as well, and the export lists
 * each withheld thing with its kind, id and reason (never content). Every export is audited
 * ({@code case.sar.export}, ids and counts).
 */
package uk.gov.essex.mace.sar;
