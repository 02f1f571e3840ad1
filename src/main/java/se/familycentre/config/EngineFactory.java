package se.familycentre.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import se.familycentre.allocation.Allocator;

/** Wires the pure allocation core as a bean, so the core itself knows nothing of Micronaut. */
@Factory
public class EngineFactory {

    @Singleton
    Allocator allocator() {
        return new Allocator();
    }
}
