package uk.gov.essex.mace.sar;

import java.util.ArrayList;
import java.util.List;
import uk.gov.essex.mace.alerts.AlertResponse;

/** Turns the case's alerts into what is released: everything but who acknowledged or closed them. */
final class AlertRelease {

    private AlertRelease() {}

    static List<SubjectAccessExport.ExportedAlert> release(List<AlertResponse> alerts, WithheldList withheld) {
        List<SubjectAccessExport.ExportedAlert> released = new ArrayList<>();
        for (AlertResponse a : alerts) {
            withheld.staffName("alert/" + a.id() + "/acknowledged-by", a.acknowledgedBy());
            withheld.staffName("alert/" + a.id() + "/closed-by", a.closedBy());
            released.add(new SubjectAccessExport.ExportedAlert(a.id(), a.reason(), a.maceCriterion(), a.status(),
                    a.raisedAt(), a.trigger(), a.acknowledgedAt(), a.escalatedAt(), a.onAgendaAt(), a.meetingId(),
                    a.criteriaLeftAt(), a.closedAt()));
        }
        return released;
    }
}
