package se.familycentre;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starts the family centre cost-sharing service. */
@OpenAPIDefinition(info = @Info(
        title = "Family centre cost sharing",
        version = "0.1.0",
        description = "Shares the costs of Swedish family centres between their base services (Västra Götaland "
                + "cooperation agreement §14) and issues the invoicing statements. Every error is "
                + "application/problem+json (RFC 9457) with a stable type URN urn:problem:family-centre:*. "
                + "Every operation but signIn, this document and /health needs a principal: the session cookie, "
                + "HTTP Basic or an API token; what is outside the principal's entities answers 404.",
        license = @License(name = "Proprietary")))
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
