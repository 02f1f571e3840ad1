package se.familycentre.access;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** The first start with no users creates the administrator ({@link Accounts#ensureAdministrator}). */
@Singleton
public class AdminBootstrap {

    private final Accounts accounts;

    public AdminBootstrap(Accounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        accounts.ensureAdministrator();
    }
}
