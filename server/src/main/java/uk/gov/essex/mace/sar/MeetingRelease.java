package uk.gov.essex.mace.sar;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import uk.gov.essex.mace.meetings.ActionResponse;
import uk.gov.essex.mace.meetings.AgendaItemResponse;
import uk.gov.essex.mace.meetings.MeetingDisclosure;
import uk.gov.essex.mace.meetings.MinutesRevisionResponse;

/**
 * Turns what the MACE meetings hold about the child, as the exporter may see it, into what is
 * released: the agenda item with the coordinator's reasons, every revision of the minutes the
 * exporter may read (withheld segments as for intelligence) and the actions, naming agencies but
 * no staff. Minutes the exporter saw only as a placeholder, and meetings they may not read at all,
 * are listed as withheld (ids {@code meeting/<meetingId>} and {@code meeting/<meetingId>/minutes}).
 */
final class MeetingRelease {

    private MeetingRelease() {}

    static List<SubjectAccessExport.ExportedMeeting> release(List<MeetingDisclosure.CaseAtMeeting> meetings,
            WithheldList withheld, UnaryOperator<String> agencyName) {
        List<SubjectAccessExport.ExportedMeeting> released = new ArrayList<>();
        for (MeetingDisclosure.CaseAtMeeting m : meetings) {
            String id = "meeting/" + m.meetingId();
            AgendaItemResponse item = m.item();
            if (item == null) {
                withheld.add(new SubjectAccessExport.WithheldEntry("meeting", id, WithheldList.NOT_VISIBLE, null, null,
                        "the MACE coordinator for the quadrant"));
                continue;
            }
            withheld.staffName(id + "/agenda/by", item.by());
            if (item.minutesWithheld() != null) {
                withheld.labelled("minutes", id + "/minutes", item.minutesWithheld());
            }
            List<SubjectAccessExport.ExportedMinutes> minutes = new ArrayList<>();
            for (MinutesRevisionResponse r : m.minutesRevisions()) {
                String revision = id + "/minutes/r" + r.revision();
                withheld.staffName(revision + "/recorded-by", r.recordedBy());
                minutes.add(new SubjectAccessExport.ExportedMinutes(r.revision(), r.current(), r.label(),
                        withheld.release(r.minutesParts(), revision), agencyName.apply(r.recordingAgency()),
                        r.recordedAt()));
            }
            List<SubjectAccessExport.ExportedAction> actions = new ArrayList<>();
            for (ActionResponse a : item.actions()) {
                withheld.staffName(id + "/action/" + a.id() + "/recorded-by", a.recordedBy());
                actions.add(new SubjectAccessExport.ExportedAction(a.id(), a.kind(), a.type(), a.description(),
                        agencyName.apply(a.ownerAgency()), a.dueDate(), a.status(), a.recordedAt()));
            }
            released.add(new SubjectAccessExport.ExportedMeeting(m.meetingId(), m.quadrant(), m.date(), item.section(),
                    item.reason(), item.at(), item.removed(), item.removedReason(), minutes, actions));
        }
        return released;
    }
}
