/**
 * Risk: what the partnership knows about one child's exploitation risk. Owns the Risk in the
 * Community Record assessments (append-only history, the current one is the latest by assessment
 * date), missing episodes (reported, closed, corrected as new versions, deleted softly) and the
 * exploitation indicators of the seed. All of a case's risk records are one document, so every
 * change is a single atomic write and carries a new version. Free text is sealed with the case's
 * data key; an erased case's records go through {@link uk.gov.essex.mace.risk.RiskErasure}.
 * Indicators are under handling labels like intelligence items: checked by
 * {@code redaction.LabelRules} when recorded, and every read goes through one projection built on
 * {@code redaction.Redactor}; an indicator whose label withholds even its existence from some
 * readers is left out of everything other features read (snapshots, activity).
 *
 * <p>Other features read a {@link uk.gov.essex.mace.risk.RiskSnapshot} through
 * {@link uk.gov.essex.mace.risk.RiskRecords} and learn of every change from
 * {@link uk.gov.essex.mace.risk.RiskRecordChanged}; the MACE criteria live in {@code alerts}. A
 * subject access export reads the records themselves, as the exporter may see them, through
 * {@link uk.gov.essex.mace.risk.RiskDisclosure}.
 */
package uk.gov.essex.mace.risk;
