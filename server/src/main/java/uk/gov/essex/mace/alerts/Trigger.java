package uk.gov.essex.mace.alerts;

import uk.gov.essex.mace.identity.HubPrincipal;

/**
 * What started an evaluation, for the audit trail.
 *
 * @param actor whose write or request it was, or {@code null} for the hub's own schedule
 * @param cause e.g. {@code missing-episode.corrected}, {@code re-evaluation}
 */
record Trigger(HubPrincipal actor, String cause) {

    String by() {
        return actor == null ? "hub" : actor.subject();
    }
}
