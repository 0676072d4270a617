package hotline.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community embedded with Bolt enabled, configured from HOME/conf/neo4j.conf.
 * The tarball distribution is not on Maven Central, so this small launcher stands in for
 * its bootloader. Prints NEO4J_READY once Bolt accepts connections; SIGTERM shuts down cleanly.
 */
public final class Neo4jLauncher {
    private Neo4jLauncher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Neo4jLauncher HOME");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8 || password.equals("neo4j")) {
            System.err.println("NEO4J_PASSWORD must be set, at least 8 characters, and not 'neo4j'");
            System.exit(2);
        }
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(home.resolve("conf/neo4j.conf"))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));
        // The password is applied once per data directory; an embedded transaction runs
        // without auth, so it may change the built-in user's password.
        Path marker = home.resolve("data/.initial-password-set");
        if (!Files.exists(marker)) {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            Files.writeString(marker, "1\n");
        }
        System.out.println("NEO4J_READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
