package se.familycentre.centre;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.CentreValidator;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.Violation;
import se.familycentre.format.CentreDocument;
import se.familycentre.format.CentreProfile;
import se.familycentre.format.ScenarioBudgets;
import se.familycentre.format.ScenarioReader;
import se.familycentre.scenario.Scenario;
import se.familycentre.scenario.ScenarioExpansion;
import se.familycentre.scenario.ScenarioRun;

/**
 * A decided plan becomes a stored centre (issue 11): the plan expanded as the register keeps it
 * ({@link ScenarioExpansion#forRegister}), stored as an import stores a centre document, with the
 * budget as computed that day kept beside the plan for the follow-up. The plan is locked while this
 * happens, so two requests (on one instance or several) make one centre; the second is refused.
 */
@Singleton
public class ScenarioCentres {

    private final SavedScenarios saved;
    private final CentreImport importer;
    private final LegalEntityRepository entities;
    private final Scenarios scenarios;
    private final Clock clock = Clock.system(ZoneId.of("Europe/Stockholm"));

    public ScenarioCentres(SavedScenarios saved, CentreImport importer, LegalEntityRepository entities,
                           Scenarios scenarios) {
        this.saved = saved;
        this.importer = importer;
        this.entities = entities;
        this.scenarios = scenarios;
    }

    /**
     * @param mine the principal's organisationsnummer, or null for an administrator
     * @throws Refusal.Conflict       the plan became a centre already
     * @throws Refusal.RefusedByRules the plan as a centre breaks the rules (named under {@code plan.})
     */
    @Transactional
    public CentreRow toCentre(long id, Set<String> mine) {
        SavedScenarios.Saved plan = saved.lockForCentre(id, mine);
        Scenario scenario = ScenarioReader.read(plan.plan());
        if (mine != null && scenario.services().stream().noneMatch(p -> mine.contains(p.entity()))) {
            throw new Refusal.InvalidValue(List.of(new Violation("services", "none of the plan's services belongs to a "
                    + "legal entity the principal acts for; it could not see the centre")));
        }
        Centre expanded = ScenarioExpansion.forRegister(scenario);
        Centre centre = new Centre(expanded.name(), registeredNames(expanded.entities()), expanded.services(),
                expanded.rooms(), expanded.rules(), expanded.coordinators(), expanded.costLines(), expanded.dedicatedRent());
        List<Violation> refused = CentreValidator.validate(centre);
        if (!refused.isEmpty()) {
            Scenarios.computed(new ScenarioRun.Refused(refused));
        }
        ScenarioRun.Result years = Scenarios.computed(scenarios.compute(scenario));
        ScenarioRun.Result quarters = Scenarios.computed(scenarios.quarters(scenario));
        CentreRow row = importer.importDocument(new CentreDocument(centre,
                new CentreProfile(null, null, scenario.start(), null)), "plan.");
        saved.becameCentre(id, row.id(), ScenarioBudgets.write(LocalDate.now(clock), years, quarters));
        return row;
    }

    /** A registered entity keeps its registered name: the organisationsnummer is who it is. */
    private List<LegalEntity> registeredNames(List<LegalEntity> planned) {
        List<LegalEntity> out = new ArrayList<>();
        for (LegalEntity e : planned) {
            out.add(entities.findByOrganisationNumber(e.organisationNumber())
                    .map(r -> new LegalEntity(e.organisationNumber(), r.name())).orElse(e));
        }
        return out;
    }
}
