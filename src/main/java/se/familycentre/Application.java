package se.familycentre;

import io.micronaut.runtime.Micronaut;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starts the family centre cost-sharing service. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Path project = projectDirectory();
        if (System.getProperty("familycentre.project-dir") == null) {
            System.setProperty("familycentre.project-dir", project.toString());
        }
        if (System.getProperty("familycentre.data-dir") == null && System.getenv("FAMILYCENTRE_DATA_DIR") == null) {
            System.setProperty("familycentre.data-dir", project.resolve("data").toString());
        }
        Micronaut.run(Application.class, args);
    }

    /**
     * The project directory: {@code mn:run} starts the service in {@code target/},
     * which {@code clean} deletes, so data and fixtures are found from its parent.
     */
    static Path projectDirectory() {
        Path cwd = Path.of("").toAbsolutePath();
        if (cwd.getFileName() != null && cwd.getFileName().toString().equals("target")
                && Files.exists(cwd.getParent().resolve("pom.xml"))) {
            return cwd.getParent();
        }
        return cwd;
    }
}
