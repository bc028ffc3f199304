/**
 * Alerts: the MACE criteria and what follows from them. A pure engine
 * ({@code MaceCriteria}) decides from a {@link uk.gov.essex.mace.risk.RiskSnapshot} whether a
 * child meets the criteria (known to be exploited and assessed HIGH; or 3 missing episodes started
 * within 28 days, Europe/London calendar days); each case's standing is one document changed by
 * compare-and-set; crossing into a reason raises exactly one alert, whose id
 * ({@code caseId:reason:entry}) the database keeps unique, however many evaluations, retries and
 * instances race. Alerts are delivered live to coordinators, chair and case members, escalate to
 * the chair when unacknowledged, and move ON_AGENDA when a MACE Part 1 meeting takes the case.
 *
 * <p>Public API for other features: {@link uk.gov.essex.mace.alerts.MaceStandings},
 * {@link uk.gov.essex.mace.alerts.AlertAgenda}, {@link uk.gov.essex.mace.alerts.MaceHistory} (did a
 * case ever go to MACE: its retention schedule), {@link uk.gov.essex.mace.alerts.AlertDisclosure}
 * (a case's alerts for its subject access export), {@link uk.gov.essex.mace.alerts.AlertErasure}, and the events
 * {@link uk.gov.essex.mace.alerts.AlertRaised} and {@link uk.gov.essex.mace.alerts.MaceCriteriaChanged}.
 */
package uk.gov.essex.mace.alerts;
