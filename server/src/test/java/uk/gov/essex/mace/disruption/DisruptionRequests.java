package uk.gov.essex.mace.disruption;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds disruption update bodies: a test changes only the field it cares about. */
public final class DisruptionRequests {

    private String type = "HOTEL_OR_PREMISES_CHECK";
    private String premisesName = "Station Hotel";
    private String address = "1 Station Road";
    private String postcode = "CO1 1AA";
    private String district = "Colchester";
    private String date = LocalDate.now().minusDays(3).toString();
    private String outcome = "Staff briefed on signs of exploitation; guest register checked";
    private String text;
    private String label = "all-members";
    private String marking = "OFFICIAL_SENSITIVE";
    private final List<String> linked = new ArrayList<>();

    private DisruptionRequests() {}

    public static DisruptionRequests anUpdate() {
        return new DisruptionRequests();
    }

    public DisruptionRequests type(String value) {
        type = value;
        return this;
    }

    public DisruptionRequests place(String name, String postcodeValue, String districtValue) {
        premisesName = name;
        postcode = postcodeValue;
        district = districtValue;
        return this;
    }

    public DisruptionRequests district(String value) {
        district = value;
        return this;
    }

    public DisruptionRequests postcode(String value) {
        postcode = value;
        return this;
    }

    public DisruptionRequests date(LocalDate value) {
        date = value == null ? null : value.toString();
        return this;
    }

    public DisruptionRequests outcome(String value) {
        outcome = value;
        return this;
    }

    public DisruptionRequests text(String value) {
        text = value;
        return this;
    }

    public DisruptionRequests label(String value) {
        label = value;
        return this;
    }

    public DisruptionRequests linkedCase(String caseId) {
        linked.add(caseId);
        return this;
    }

    public String json() {
        StringBuilder cases = new StringBuilder();
        for (String id : linked) {
            cases.append(cases.isEmpty() ? "" : ",").append(q(id));
        }
        return "{\"type\":" + q(type) + ",\"place\":{\"premisesName\":" + q(premisesName) + ",\"address\":" + q(address)
                + ",\"postcode\":" + q(postcode) + ",\"district\":" + q(district) + "},\"date\":" + q(date)
                + ",\"outcome\":" + q(outcome) + ",\"linkedCaseIds\":[" + cases + "],\"text\":" + q(text)
                + ",\"label\":" + q(label) + ",\"marking\":" + q(marking) + "}";
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
