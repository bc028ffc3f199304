package uk.gov.essex.mace.alerts;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;

/** MACE alerts and review prompts the caller may see, their life, and the full re-evaluation. */
@RestController
@RequestMapping("/api/alerts")
class AlertController {

    private final AlertManager manager;
    private final CriteriaSweep sweep;

    AlertController(AlertManager manager, CriteriaSweep sweep) {
        this.manager = manager;
        this.sweep = sweep;
    }

    /** Alerts the caller may see, newest first; by default every one not CLOSED. */
    @GetMapping
    List<AlertResponse> list(@AuthenticationPrincipal HubPrincipal who,
            @RequestParam(required = false) AlertStatus status, @RequestParam(defaultValue = "100") int limit) {
        return manager.list(who, status, limit);
    }

    @GetMapping("/{alertId}")
    AlertResponse read(@AuthenticationPrincipal HubPrincipal who, @PathVariable String alertId) {
        return manager.read(who, alertId);
    }

    @PostMapping("/{alertId}/acknowledge")
    AlertResponse acknowledge(@AuthenticationPrincipal HubPrincipal who, @PathVariable String alertId) {
        return manager.acknowledge(who, alertId);
    }

    @PostMapping("/{alertId}/close")
    AlertResponse close(@AuthenticationPrincipal HubPrincipal who, @PathVariable String alertId) {
        return manager.close(who, alertId);
    }

    @PostMapping("/re-evaluate")
    ReEvaluationResponse reEvaluate(@AuthenticationPrincipal HubPrincipal who) {
        return sweep.reEvaluate(who);
    }
}
