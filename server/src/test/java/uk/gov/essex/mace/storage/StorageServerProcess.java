package uk.gov.essex.mace.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import uk.gov.essex.mace.storage.StorageProperties.Durability;

/**
 * Runs the embedded server in a JVM of its own, so a test can kill it with SIGKILL the way an
 * operating system or an operator would. Arguments: data directory, durability, port file. The
 * port is written to the port file (whole, by rename) once the server accepts connections; then
 * the process serves until it is killed.
 */
final class StorageServerProcess {

    private StorageServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogs.apply();
        Path dataDir = Path.of(args[0]);
        Durability durability = Durability.valueOf(args[1]);
        Path portFile = Path.of(args[2]);

        EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, durability);
        String port = server.connectionString().replaceAll(".*:(\\d+)/.*", "$1");
        Path partial = portFile.resolveSibling(portFile.getFileName() + ".partial");
        Files.writeString(partial, port);
        Files.move(partial, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        Thread.currentThread().join();
    }
}
