package se.familycentre.centre;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.familycentre.allocation.CentreValidator;
import se.familycentre.allocation.Violation;
import se.familycentre.format.CentreReader;

/**
 * The embedded default: on the first start with an empty database, every
 * centre in {@code fixtures/} is imported, once. A marker row records it, so the
 * fixtures never come back over existing (or deliberately deleted) data, and
 * several instances starting together load them only once.
 */
@Singleton
public class FixtureLoader {

    static final String MARKER = "fixtures-loaded";
    private static final Logger LOG = LoggerFactory.getLogger(FixtureLoader.class);

    private final CentreImport importer;
    private final CentreRepository centres;
    private final AppMarkerRepository markers;
    private final Path directory;
    private final boolean enabled;

    public FixtureLoader(CentreImport importer, CentreRepository centres, AppMarkerRepository markers,
                         @Value("${familycentre.fixtures.directory:fixtures}") String directory,
                         @Value("${familycentre.fixtures.load-on-empty-database:true}") boolean enabled) {
        this.importer = importer;
        this.centres = centres;
        this.markers = markers;
        this.directory = Path.of(directory);
        this.enabled = enabled;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (enabled) {
            int loaded = loadIfEmpty();
            if (loaded > 0) {
                LOG.info("Loaded {} example centres from {}", loaded, directory.toAbsolutePath());
            }
        }
    }

    /** Imports every fixture if this database never had them and holds no centre; returns how many. */
    @Transactional
    public int loadIfEmpty() {
        if (markers.existsById(MARKER) || centres.count() > 0) {
            return 0;
        }
        markers.save(new AppMarkerRow(MARKER, OffsetDateTime.now(ZoneOffset.UTC)));
        List<Path> files = files();
        for (Path file : files) {
            CentreReader.ImportRequest request = CentreReader.readImport(read(file));
            List<Violation> violations = CentreValidator.validate(request.document().centre());
            if (!violations.isEmpty()) {
                throw new IllegalStateException("fixture " + file + " is refused: " + violations);
            }
            importer.importDocument(request.document(), "centre.");
        }
        return files.size();
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            LOG.warn("No fixtures directory at {}; starting with an empty registry", directory.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
