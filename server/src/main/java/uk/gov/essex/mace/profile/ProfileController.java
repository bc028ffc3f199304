package uk.gov.essex.mace.profile;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;

/** The MACE Part 2 local problem profile: JSON for the page, CSV and PDF for meetings and reports. */
@RestController
@RequestMapping("/api/profiles")
class ProfileController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ProfileManager manager;

    ProfileController(ProfileManager manager) {
        this.manager = manager;
    }

    @GetMapping
    ProfileResponse profile(@AuthenticationPrincipal HubPrincipal who, @RequestParam(required = false) String quadrant,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return manager.profile(who, quadrant, from, to);
    }

    @GetMapping("/county")
    ProfileResponse county(@AuthenticationPrincipal HubPrincipal who, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return manager.profile(who, ProfileManager.ALL, from, to);
    }

    @GetMapping("/export.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal HubPrincipal who, @RequestParam(required = false) String quadrant,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        ProfileResponse profile = manager.export(who, quadrant, from, to, "csv");
        return attachment(ProfileCsv.write(profile), CSV, profile, "csv");
    }

    @GetMapping("/export.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal HubPrincipal who, @RequestParam(required = false) String quadrant,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        ProfileResponse profile = manager.export(who, quadrant, from, to, "pdf");
        return attachment(ProfilePdf.write(profile), MediaType.APPLICATION_PDF, profile, "pdf");
    }

    private static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, ProfileResponse profile, String ext) {
        String name = "mace-part2-" + profile.scope().toLowerCase(Locale.ROOT) + "-" + profile.period().from()
                + "-to-" + profile.period().to() + "." + ext;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
