package se.familycentre.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import se.familycentre.allocation.Allocation.ClassifiedStretch;

/**
 * §8.2–8.4 of the agreement (RULES §1): a familjecentral has all four base types,
 * all co-located; a familjecentralsliknande verksamhet has at least three types,
 * including child health and open preschool, with a co-located child health
 * service and at least one co-located open preschool or social services.
 */
final class Classifier {

    private static final Set<ServiceType> BASE = EnumSet.of(ServiceType.MIDWIFE_CLINIC, ServiceType.CHILD_HEALTH,
            ServiceType.OPEN_PRESCHOOL, ServiceType.SOCIAL_SERVICES);

    private Classifier() {
    }

    /**
     * The classification of every stretch of the period, cut wherever a service
     * joins or leaves; neighbours with the same classification and reason merge.
     */
    static List<ClassifiedStretch> over(List<Service> services, Period period) {
        Timeline timeline = new Timeline(period.from(), period.to());
        for (Service s : services) {
            timeline.cutAround(s.from(), s.to());
        }
        List<ClassifiedStretch> stretches = new ArrayList<>();
        for (Timeline.Stretch stretch : timeline.stretches()) {
            ClassifiedStretch classified = classify(services, stretch.from(), stretch.to());
            ClassifiedStretch last = stretches.isEmpty() ? null : stretches.get(stretches.size() - 1);
            if (last != null && last.classification() == classified.classification()
                    && last.reason().equals(classified.reason())) {
                stretches.set(stretches.size() - 1,
                        new ClassifiedStretch(last.from(), classified.to(), last.classification(), last.reason()));
            } else {
                stretches.add(classified);
            }
        }
        return List.copyOf(stretches);
    }

    /** The classification of a stretch in which the same services take part throughout. */
    static ClassifiedStretch classify(List<Service> services, LocalDate from, LocalDate to) {
        Set<ServiceType> present = EnumSet.noneOf(ServiceType.class);
        Set<ServiceType> coLocated = EnumSet.noneOf(ServiceType.class);
        List<String> notCoLocated = new ArrayList<>();
        for (Service s : services) {
            if (s.type().isBase() && s.takesPartOn(from)) {
                present.add(s.type());
                if (s.coLocated()) {
                    coLocated.add(s.type());
                } else {
                    notCoLocated.add(s.id() + " (" + s.type() + ")");
                }
            }
        }
        Set<ServiceType> missing = EnumSet.copyOf(BASE);
        missing.removeAll(present);
        if (missing.isEmpty() && notCoLocated.isEmpty()) {
            return new ClassifiedStretch(from, to, Classification.FAMILY_CENTRE, "all four base services take part, co-located");
        }
        List<String> lacks = new ArrayList<>();
        if (present.size() < 3) {
            lacks.add("only " + present.size() + " of the four base service types take part");
        }
        if (!present.contains(ServiceType.CHILD_HEALTH)) {
            lacks.add("no CHILD_HEALTH service takes part");
        } else if (!coLocated.contains(ServiceType.CHILD_HEALTH)) {
            lacks.add("no CHILD_HEALTH service is co-located");
        }
        if (!present.contains(ServiceType.OPEN_PRESCHOOL)) {
            lacks.add("no OPEN_PRESCHOOL service takes part");
        }
        if (!coLocated.contains(ServiceType.OPEN_PRESCHOOL) && !coLocated.contains(ServiceType.SOCIAL_SERVICES)) {
            lacks.add("no OPEN_PRESCHOOL or SOCIAL_SERVICES service is co-located");
        }
        if (!lacks.isEmpty()) {
            return new ClassifiedStretch(from, to, Classification.NOT_COVERED, String.join("; ", lacks));
        }
        List<String> short_ = new ArrayList<>();
        if (!missing.isEmpty()) {
            short_.add("missing " + String.join(", ", missing.stream().map(Enum::name).toList()));
        }
        if (!notCoLocated.isEmpty()) {
            short_.add("not co-located: " + String.join(", ", notCoLocated));
        }
        return new ClassifiedStretch(from, to, Classification.FAMILY_CENTRE_LIKE, String.join("; ", short_));
    }
}
