package uk.gov.essex.mace.meetings;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** {@link MeetingErasure}: one compare-and-set per meeting that mentions the case. */
@Component
class MeetingCaseErasure implements MeetingErasure {

    private final Meetings meetings;

    MeetingCaseErasure(Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public int eraseCase(String caseId) {
        int removed = 0;
        for (Meeting meeting : meetings.referencing(caseId)) {
            AtomicInteger entries = new AtomicInteger();
            meetings.update(meeting.id(), m -> {
                entries.set(m.entriesFor(caseId));
                return m.withoutCase(caseId);
            });
            removed += entries.get();
        }
        return removed;
    }
}
