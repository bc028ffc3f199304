package uk.gov.essex.mace.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds open-case request bodies: a test changes only the field it cares about. */
public final class CaseRequests {

    private String childName = "Alex Example";
    private String dateOfBirth = LocalDate.now().minusYears(14).toString();
    private String district = "Colchester";
    private String exploitationType = "CCE";
    private final List<String> members = new ArrayList<>();

    private CaseRequests() {}

    public static CaseRequests aCase() {
        return new CaseRequests();
    }

    public CaseRequests childName(String value) {
        this.childName = value;
        return this;
    }

    public CaseRequests dateOfBirth(String value) {
        this.dateOfBirth = value;
        return this;
    }

    public CaseRequests district(String value) {
        this.district = value;
        return this;
    }

    public CaseRequests exploitationType(String value) {
        this.exploitationType = value;
        return this;
    }

    public CaseRequests member(String agency) {
        members.add(agency);
        return this;
    }

    public String json() {
        StringBuilder agencies = new StringBuilder();
        for (String m : members) {
            agencies.append(agencies.isEmpty() ? "" : ",").append('"').append(m).append('"');
        }
        return "{\"childName\":\"" + childName + "\",\"dateOfBirth\":\"" + dateOfBirth + "\",\"district\":\""
                + district + "\",\"exploitationType\":\"" + exploitationType + "\",\"memberAgencies\":[" + agencies + "]}";
    }
}
