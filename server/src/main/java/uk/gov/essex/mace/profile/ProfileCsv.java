package uk.gov.essex.mace.profile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The profile as CSV (RFC 4180), one table per section under the same columns:
 * {@code section,item,current,previous,change,intelligence,missing_found,disruption}. Suppressed
 * counts are {@value Count#FEWER_THAN_5}; a withheld change is {@code suppressed}. Text cells that
 * a spreadsheet would run as a formula are prefixed with {@code '}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4180">RFC 4180</a>
 */
final class ProfileCsv {

    private ProfileCsv() {}

    static byte[] write(ProfileResponse p) {
        StringBuilder csv = new StringBuilder();
        line(csv, "section", "item", "current", "previous", "change", "intelligence", "missing_found", "disruption");
        line(csv, "profile", "scope", p.scope());
        line(csv, "profile", "period", p.period().from() + " to " + p.period().to());
        line(csv, "profile", "previous period", p.previousPeriod().from() + " to " + p.previousPeriod().to());
        line(csv, "profile", "generated", p.generatedAt().toString());
        line(csv, "profile", "suppression", ProfileResponse.SUPPRESSION_RULE);
        for (ProfileResponse.Trend t : p.headline()) {
            line(csv, "headline", t.label(), t.current().display(), t.previous().display(), t.change().displayChange());
        }
        mace(csv, p.mace());
        series(csv, "missing episodes by month", p.missingEpisodes());
        breakdown(csv, "indicators", p.indicators());
        series(csv, "disruption updates by month", p.disruptionUpdates());
        breakdown(csv, "disruptions by type", p.disruptionsByType());
        breakdown(csv, "disruptions by district", p.disruptionsByDistrict());
        for (ProfileResponse.Hotspot h : p.hotspots()) {
            line(csv, "hotspots", h.rank() + ". " + h.place() + (h.district() == null ? "" : " (" + h.district() + ")"),
                    h.total().display(), h.previousTotal().display(), h.change().displayChange(),
                    h.intelligence().display(), h.missingFound().display(), h.disruption().display());
        }
        if (p.byQuadrant() != null) {
            for (ProfileResponse.QuadrantRow q : p.byQuadrant()) {
                line(csv, "quadrant: children on MACE", q.quadrant(), q.onMace().display());
                line(csv, "quadrant: new to MACE", q.quadrant(), q.newToMace().display());
                line(csv, "quadrant: stepped down", q.quadrant(), q.steppedDown().display());
                line(csv, "quadrant: missing episodes", q.quadrant(), q.missingEpisodes().display());
                line(csv, "quadrant: disruption updates", q.quadrant(), q.disruptionUpdates().display());
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void mace(StringBuilder csv, ProfileResponse.Mace mace) {
        List<ProfileResponse.MaceRow> rows = new ArrayList<>(mace.byType());
        rows.add(mace.total());
        for (ProfileResponse.MaceRow r : rows) {
            line(csv, "children on MACE", r.exploitationType(), r.onMace().display());
        }
        for (ProfileResponse.MaceRow r : rows) {
            line(csv, "new to MACE", r.exploitationType(), r.newToMace().display());
        }
        for (ProfileResponse.MaceRow r : rows) {
            line(csv, "stepped down from MACE", r.exploitationType(), r.steppedDown().display());
        }
    }

    private static void series(StringBuilder csv, String section, ProfileResponse.Series s) {
        s.current().forEach(pt -> line(csv, section, pt.month(), pt.count().display()));
        line(csv, section, "TOTAL", s.total().display());
        s.previous().forEach(pt -> line(csv, section + " (previous period)", pt.month(), pt.count().display()));
        line(csv, section + " (previous period)", "TOTAL", s.previousTotal().display());
    }

    private static void breakdown(StringBuilder csv, String section, ProfileResponse.Breakdown b) {
        for (ProfileResponse.Row r : b.rows()) {
            line(csv, section, r.label(), r.current().display(), r.previous().display(), r.change().displayChange());
        }
        ProfileResponse.Row t = b.total();
        line(csv, section, t.label(), t.current().display(), t.previous().display(), t.change().displayChange());
    }

    private static void line(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i], i < 2));
        }
        csv.append("\r\n");
    }

    /** Quotes as RFC 4180 needs; text cells (section, item) starting like a formula get a leading quote. */
    static String cell(String value, boolean text) {
        String v = value == null ? "" : value;
        if (text && !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
