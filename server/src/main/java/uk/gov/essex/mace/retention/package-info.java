/**
 * Lawful handling of a case's records over time: retention schedules per record type
 * ({@code config/retention.yml}), a scheduled evaluation that lists closed cases due for erasure,
 * a two-person review (one proposes, a MACE chair of the quadrant approves), erasure that is real
 * (the case's data key destroyed, every feature's documents removed through its public
 * {@code ...Erasure} hook, a tombstone in the audit trail, an erasure ledger that restores replay),
 * and legal holds that stop erasure whatever the schedule. Disruption updates, records about places,
 * have a schedule of their own and are reviewed and erased a quadrant-month (one data key) at a time
 * ({@code Month*} classes). See {@code docs/lawful-handling.md}.
 */
package uk.gov.essex.mace.retention;
