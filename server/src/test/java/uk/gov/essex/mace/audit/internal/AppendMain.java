package uk.gov.essex.mace.audit.internal;

/**
 * A stand-in for a second hub process: appends {@code count} entries to the trail at a MongoDB
 * URI, then exits 0. Launched by {@link TwoProcessAppendTests} in child JVMs.
 */
public final class AppendMain {

    private AppendMain() {}

    public static void main(String[] args) {
        String uri = args[0];
        int count = Integer.parseInt(args[1]);
        try (TestTrail hub = new TestTrail(uri)) {
            for (int i = 0; i < count; i++) {
                hub.trail.append(TestTrail.caseRead(i).with("process", String.valueOf(ProcessHandle.current().pid())));
            }
        }
    }
}
