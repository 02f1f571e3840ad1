package se.familycentre;

import io.micronaut.runtime.Micronaut;

/** Starts the family centre cost-sharing service. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
