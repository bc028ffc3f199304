package uk.gov.essex.mace.audit.internal;

import java.io.PrintStream;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --hub.command=audit-verify}: verifies the whole trail in the configured database, shows
 * progress on stderr, prints the report on stdout and exits 0 when intact, 1 otherwise. Run it
 * with the hub stopped (the embedded store's file is locked while the hub runs) or against the
 * production MongoDB URI. It writes nothing: no audit entry, no tree head.
 */
@Component
@ConditionalOnProperty(name = "hub.command", havingValue = "audit-verify")
class AuditVerifyCommand implements ApplicationRunner {

    private final AuditVerifier verifier;
    private final ConfigurableApplicationContext context;

    AuditVerifyCommand(AuditVerifier verifier, ConfigurableApplicationContext context) {
        this.verifier = verifier;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = execute(System.out, System.err);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Verifies and reports; returns the process exit code. */
    int execute(PrintStream out, PrintStream err) {
        ProgressBar progress = new ProgressBar(err);
        VerificationReport report = verifier.verify(progress);
        progress.finish();
        out.println(report.intact() ? "Audit trail: INTACT" : "Audit trail: TAMPERED");
        out.printf(Locale.ROOT, "entries checked:     %d%n", report.entriesChecked());
        out.printf(Locale.ROOT, "tree heads checked:  %d%n", report.treeHeadsChecked());
        out.printf(Locale.ROOT, "verified tree size:  %d (%d entries after the latest verified signed head)%n",
                report.verifiedTreeSize(), report.entriesChecked() - report.verifiedTreeSize());
        out.printf(Locale.ROOT, "elapsed:             %.1f s%n", report.elapsed().toMillis() / 1000.0);
        TamperFinding finding = report.firstFinding();
        if (finding != null) {
            out.printf(Locale.ROOT, "first bad entry:     seq %d %s%s%n", finding.sequence(), finding.kind(),
                    finding.treeSize() == null ? "" : " (tree head of size " + finding.treeSize() + ")");
            out.printf(Locale.ROOT, "detail:              %s%n", finding.detail());
        }
        out.flush();
        return report.intact() ? 0 : 1;
    }
}
