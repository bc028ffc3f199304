package uk.gov.essex.mace.profile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/** The profile as a PDF for the Part 2 meeting pack: the same figures and suppression as the JSON, with bar charts. */
final class ProfilePdf {

    private static final float[] TREND = {0.46f, 0.18f, 0.18f, 0.18f};
    private static final float[] MACE = {0.40f, 0.20f, 0.20f, 0.20f};
    private static final float[] HOTSPOT = {0.34f, 0.11f, 0.11f, 0.11f, 0.11f, 0.11f, 0.11f};

    private ProfilePdf() {}

    static byte[] write(ProfileResponse p) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("MACE Part 2 local problem profile " + p.scope());
            document.setDocumentInformation(info);
            String footer = "OFFICIAL-SENSITIVE  MACE Part 2 profile " + p.scope() + "  " + p.period().from() + " to "
                    + p.period().to() + "  pseudonymised, small numbers suppressed";
            try (PdfWriter pdf = new PdfWriter(document, footer)) {
                content(pdf, p);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void content(PdfWriter pdf, ProfileResponse p) {
        pdf.heading("MACE Part 2 local problem profile: " + (p.byQuadrant() != null ? "Essex (county)" : p.scope()), 16);
        pdf.paragraph("Period " + p.period().from() + " to " + p.period().to() + ", compared with " + p.previousPeriod().from()
                + " to " + p.previousPeriod().to() + ". Generated " + p.generatedAt() + ".", 9);
        pdf.paragraph(ProfileResponse.SUPPRESSION_RULE, 8);
        pdf.heading("Headline", 12);
        List<List<String>> rows = new ArrayList<>();
        p.headline().forEach(t -> rows.add(List.of(t.label(), t.current().display(), t.previous().display(),
                t.change().displayChange())));
        pdf.table(List.of("", "This period", "Previous", "Change"), rows, TREND);
        pdf.heading("Children on MACE by exploitation type", 12);
        List<List<String>> mace = new ArrayList<>();
        p.mace().byType().forEach(r -> mace.add(List.of(r.exploitationType(), r.onMace().display(), r.newToMace().display(),
                r.steppedDown().display())));
        ProfileResponse.MaceRow t = p.mace().total();
        mace.add(List.of("All", t.onMace().display(), t.newToMace().display(), t.steppedDown().display()));
        pdf.table(List.of("", "On MACE", "New", "Stepped down"), mace, MACE);
        series(pdf, "Missing episodes by month", p.missingEpisodes());
        breakdown(pdf, "Exploitation indicators recorded", p.indicators());
        series(pdf, "Disruption updates by month", p.disruptionUpdates());
        breakdown(pdf, "Disruption updates by type", p.disruptionsByType());
        breakdown(pdf, "Disruption updates by district", p.disruptionsByDistrict());
        pdf.heading("Hotspots: places mentioned most often", 12);
        if (p.hotspots().isEmpty()) {
            pdf.paragraph("No place was mentioned 5 times or more in the period.", 9);
        } else {
            List<List<String>> spots = new ArrayList<>();
            p.hotspots().forEach(h -> spots.add(List.of(h.rank() + ". " + h.place() + (h.district() == null ? ""
                    : " (" + h.district() + ")"), h.total().display(), h.intelligence().display(), h.missingFound().display(),
                    h.disruption().display(), h.previousTotal().display(), h.change().displayChange())));
            pdf.table(List.of("Place", "Mentions", "Intelligence", "Found", "Disruption", "Previous", "Change"), spots, HOTSPOT);
        }
        if (p.byQuadrant() != null) {
            pdf.heading("By quadrant", 12);
            List<List<String>> quadrants = new ArrayList<>();
            p.byQuadrant().forEach(q -> quadrants.add(List.of(q.quadrant(), q.onMace().display(), q.newToMace().display(),
                    q.steppedDown().display(), q.missingEpisodes().display(), q.disruptionUpdates().display())));
            pdf.table(List.of("", "On MACE", "New", "Stepped down", "Missing", "Disruption"), quadrants,
                    new float[] {0.30f, 0.14f, 0.14f, 0.14f, 0.14f, 0.14f});
        }
    }

    private static void series(PdfWriter pdf, String title, ProfileResponse.Series s) {
        pdf.heading(title + " (total " + s.total().display() + "; previous period " + s.previousTotal().display() + ")", 11);
        pdf.bars(s.current().stream().map(ProfileResponse.Point::month).toList(),
                s.current().stream().map(ProfileResponse.Point::count).toList());
    }

    private static void breakdown(PdfWriter pdf, String title, ProfileResponse.Breakdown b) {
        pdf.heading(title + " (total " + b.total().current().display() + "; previous period "
                + b.total().previous().display() + ")", 11);
        pdf.bars(b.rows().stream().map(ProfileResponse.Row::label).toList(),
                b.rows().stream().map(ProfileResponse.Row::current).toList());
    }
}
