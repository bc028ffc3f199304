package uk.gov.essex.mace.redaction;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.policy.Labels;

/** The configured handling labels (their names and rules are not secret; content under them is). */
@RestController
class LabelController {

    private final Labels labels;

    LabelController(Labels labels) {
        this.labels = labels;
    }

    @GetMapping("/api/labels")
    List<LabelResponse> labels() {
        return labels.all().stream()
                .map(l -> new LabelResponse(l.id(), l.name(), l.requiresMembership(), l.withheld(), l.ask()))
                .toList();
    }
}
