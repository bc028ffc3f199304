package uk.gov.essex.mace.sar;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import uk.gov.essex.mace.intel.IntelItemResponse;
import uk.gov.essex.mace.redaction.TextPart;
import uk.gov.essex.mace.redaction.WithheldResponse;

/**
 * Turns the exporter's projections of a case's intelligence into what is released, tallying what is
 * held back: whole items and segments the exporter saw only as placeholders (under a label they may
 * not read, or under a source-protecting label, which the projection was asked to withhold), persons
 * of interest and staff names (third parties). A withheld segment the exporter could not read is
 * shown as {@code [redacted]}; a source-protected one leaves no mark, as its label requires.
 */
final class IntelRelease {

    static final String REDACTED = "[redacted]";

    private IntelRelease() {}

    /**
     * @param sourceProtecting true for labels that withhold even the existence of their content
     */
    static List<SubjectAccessExport.ExportedIntel> release(List<IntelItemResponse> views, Predicate<String> sourceProtecting,
            WithheldTally withheld) {
        List<SubjectAccessExport.ExportedIntel> released = new ArrayList<>();
        for (IntelItemResponse view : views) {
            String revisionId = view.id() + "#" + view.revision();
            if (view.withheld() != null) {
                tally(withheld, "intel-item", view.withheld(), sourceProtecting, view.id());
                continue;
            }
            StringBuilder text = new StringBuilder();
            List<TextPart> parts = view.parts() == null ? List.of() : view.parts();
            for (int i = 0; i < parts.size(); i++) {
                TextPart part = parts.get(i);
                if (part.text() != null) {
                    text.append(part.text());
                    continue;
                }
                boolean protectedSource = sourceProtecting.test(part.withheld().label());
                tally(withheld, "text-segment", part.withheld(), sourceProtecting, revisionId + "#" + i);
                if (!protectedSource) {
                    text.append(REDACTED);
                }
            }
            if (view.persons() != null) {
                for (int i = 0; i < view.persons().size(); i++) {
                    withheld.add("person-of-interest", null, null, WithheldTally.THIRD_PARTY, null, revisionId + "#" + i);
                }
            }
            if (view.author() != null) {
                withheld.add("staff-name", null, null, WithheldTally.THIRD_PARTY, null, revisionId + "#author");
            }
            if (view.withdrawal() != null && view.withdrawal().by() != null) {
                withheld.add("staff-name", null, null, WithheldTally.THIRD_PARTY, null, view.id() + "#withdrawn-by");
            }
            released.add(new SubjectAccessExport.ExportedIntel(view.id(), view.revision(), view.status(), view.sharedAt(),
                    view.observedAt(), view.revisedAt(), view.category(), view.marking(), view.owningAgencyName(),
                    text.toString(), view.location(),
                    view.withdrawal() == null ? null : view.withdrawal().at(),
                    view.withdrawal() == null ? null : view.withdrawal().reason()));
        }
        return released;
    }

    private static void tally(WithheldTally withheld, String record, WithheldResponse placeholder,
            Predicate<String> sourceProtecting, String id) {
        boolean protectedSource = sourceProtecting.test(placeholder.label());
        withheld.add(record, placeholder.label(), placeholder.labelName(),
                protectedSource ? WithheldTally.SOURCE_PROTECTION : WithheldTally.NOT_VISIBLE,
                protectedSource ? null : placeholder.ask(), id);
    }
}
