package uk.gov.essex.mace.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.policy.CaseFacts;

/**
 * What the MACE Part 1 meetings hold about one child, as one viewer may see it, for an export that
 * audits itself (subject access): the same agenda item, minutes (with every earlier revision the
 * viewer is entitled to) and actions as {@code GET /api/meetings/{id}} and
 * {@code .../minutes/revisions} show them, without their read entries.
 */
public interface MeetingDisclosure {

    /**
     * @param alsoWithheld labels whose minutes become a placeholder even where {@code who} could read them
     * @return every meeting that has the child on its agenda, earliest first; empty when {@code who}
     *     may not read the case
     */
    List<CaseAtMeeting> disclose(HubPrincipal who, CaseFacts facts, Set<String> alsoWithheld);

    /**
     * One meeting's record of the child.
     *
     * @param item the child's agenda item, current minutes and actions; {@code null} when the viewer
     *     may not read the meeting's quadrant's meetings (they learn only that there is one)
     * @param minutesRevisions every revision of the minutes, the first first, when the viewer may read
     *     their text; else empty
     */
    record CaseAtMeeting(String meetingId, Quadrant quadrant, LocalDate date, AgendaItemResponse item,
            List<MinutesRevisionResponse> minutesRevisions) {

        public CaseAtMeeting {
            minutesRevisions = List.copyOf(minutesRevisions);
        }
    }
}
