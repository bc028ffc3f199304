package uk.gov.essex.mace.sar;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;

/** The subject access export of one child's case (audited; see {@link SubjectAccessExporter}). */
@RestController
class SubjectAccessController {

    private final SubjectAccessExporter exporter;

    SubjectAccessController(SubjectAccessExporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping("/api/cases/{caseId}/subject-access-export")
    SubjectAccessExport export(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId) {
        return exporter.export(who, caseId);
    }
}
