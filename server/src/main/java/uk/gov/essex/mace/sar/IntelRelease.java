package uk.gov.essex.mace.sar;

import java.util.ArrayList;
import java.util.List;
import uk.gov.essex.mace.intel.IntelItemResponse;

/**
 * Turns the exporter's projections of a case's intelligence into what is released, listing what is
 * held back: whole items the exporter saw only as placeholders (under a label they may not read, or
 * under a source-protecting label, which the projection was asked to withhold), withheld segments,
 * persons of interest and staff names (third parties). Items' ids are {@code intel/<itemId>}.
 */
final class IntelRelease {

    private IntelRelease() {}

    static List<SubjectAccessExport.ExportedIntel> release(List<IntelItemResponse> views, WithheldList withheld) {
        List<SubjectAccessExport.ExportedIntel> released = new ArrayList<>();
        for (IntelItemResponse view : views) {
            String item = "intel/" + view.id();
            String revision = item + "/r" + view.revision();
            if (view.withheld() != null) {
                withheld.labelled("intel-item", item, view.withheld());
                continue;
            }
            String text = withheld.release(view.parts() == null ? List.of() : view.parts(), revision);
            if (view.persons() != null) {
                for (int i = 0; i < view.persons().size(); i++) {
                    withheld.thirdParty("person-of-interest", revision + "/person/" + i);
                }
            }
            withheld.staffName(revision + "/author", view.author());
            withheld.staffName(item + "/withdrawn-by", view.withdrawal() == null ? null : view.withdrawal().by());
            released.add(new SubjectAccessExport.ExportedIntel(view.id(), view.revision(), view.status(), view.sharedAt(),
                    view.observedAt(), view.revisedAt(), view.category(), view.marking(), view.owningAgencyName(),
                    text, view.location(),
                    view.withdrawal() == null ? null : view.withdrawal().at(),
                    view.withdrawal() == null ? null : view.withdrawal().reason()));
        }
        return released;
    }
}
