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
import se.familycentre.format.EntityReader;
import java.util.Optional;

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

    private final EntityRegistry registry;
    private final LegalEntityRepository entities;

    public FixtureLoader(CentreImport importer, CentreRepository centres, AppMarkerRepository markers,
                         EntityRegistry registry, LegalEntityRepository entities,
                         @Value("${familycentre.fixtures.directory:fixtures}") String directory,
                         @Value("${familycentre.fixtures.load-on-empty-database:true}") boolean enabled) {
        this.importer = importer;
        this.registry = registry;
        this.entities = entities;
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
        loadRegistry();
        return files.size();
    }

    /**
     * {@code registry/entities.json}: the legal entities' invoicing data (payment, VAT, contact,
     * PEPPOL, accounts), applied to the entities the centres registered (or registering new ones).
     */
    private void loadRegistry() {
        Path file = directory.resolve("registry").resolve("entities.json");
        if (!Files.isRegularFile(file)) {
            return;
        }
        for (EntityReader.EntityEntry e : EntityReader.readAll(read(file))) {
            Optional<LegalEntityRow> row = entities.findByOrganisationNumber(e.entity().organisationNumber());
            if (row.isEmpty()) {
                registry.create(e.entity(), e.details(), e.invoicing());
            } else if (e.invoicing() != null) {
                // only the invoicing data: names and addresses stay as the centres' documents give them, so
                // importing a fixture again finds the entity it registered
                registry.updateInvoicing(row.get().id(), e.invoicing());
            }
        }
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
