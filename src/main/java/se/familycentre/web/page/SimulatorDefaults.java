package se.familycentre.web.page;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.familycentre.format.FormatException;
import se.familycentre.format.ScenarioReader;

/**
 * The plan the simulator's form opens with: {@code plans/ny-familjecentral.json} of the fixtures
 * directory, in the API's plan format, read once at start. An operator changes the defaults by
 * changing that file. Without it (or if it does not read as a plan) the form opens with the
 * typical shared rooms only, and says nothing else for the steering group to fill in.
 */
@Singleton
public class SimulatorDefaults {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorDefaults.class);
    static final String FILE = "plans/ny-familjecentral.json";

    private final Map<String, Object> plan;

    public SimulatorDefaults(@Value("${familycentre.fixtures.directory:fixtures}") String directory) {
        this.plan = read(Path.of(directory).resolve(FILE));
    }

    /** The default plan as the form reads a saved one ({@link ScenarioForm#of}); empty when there is none. */
    Map<String, Object> plan() {
        return plan;
    }

    static Map<String, Object> read(Path file) {
        if (!Files.isRegularFile(file)) {
            LOG.info("No default plan at {}: the simulator's form opens nearly empty", file);
            return Map.of();
        }
        try {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            ScenarioReader.read(json);
            return ScenarioReader.tree(json);
        } catch (IOException | FormatException e) {
            LOG.warn("The default plan {} is not a plan the simulator reads; its form opens nearly empty: {}", file,
                    e.getMessage());
            return Map.of();
        }
    }
}
