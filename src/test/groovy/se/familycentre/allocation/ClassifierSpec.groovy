package se.familycentre.allocation

import java.time.LocalDate
import spock.lang.Specification

import static se.familycentre.allocation.Classification.FAMILY_CENTRE
import static se.familycentre.allocation.Classification.FAMILY_CENTRE_LIKE
import static se.familycentre.allocation.Classification.NOT_COVERED

/** RULES §1 (agreement §8.2–8.4): how a centre is classified from the base services taking part, stretch by stretch. */
class ClassifierSpec extends Specification {

    static final Period Q1 = new Period(LocalDate.parse('2025-01-01'), LocalDate.parse('2025-03-31'))
    static final String REGION = '232100-0131'

    /** A service written {@code BVC:CHILD_HEALTH}, with {@code ~} for not co-located and {@code from..to} for its days. */
    static Service service(String spec) {
        def m = spec =~ /^(~?)([^:]+):([A-Z_]+)(?:@(\S*)\.\.(\S*))?$/
        assert m.matches(): spec
        new Service(m.group(2), ServiceType.valueOf(m.group(3)), REGION, null,
                m.group(4) ? LocalDate.parse(m.group(4)) : null, m.group(5) ? LocalDate.parse(m.group(5)) : null,
                m.group(1) != '~', null, null)
    }

    static List<List> classify(List<String> specs) {
        Classifier.over(specs.collect { service(it) }, Q1).collect {
            [it.from().toString(), it.to().toString(), it.classification(), it.reason()]
        }
    }

    def "#rule"() {
        expect:
        classify(services) == [['2025-01-01', '2025-03-31', classification, reason]]

        where:
        rule                                                                           | services                                                                           || classification     | reason
        'all four base types, all co-located, make a family centre'                    | ['BMM:MIDWIFE_CLINIC', 'BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES'] || FAMILY_CENTRE      | 'all four base services take part, co-located'
        'other actors add nothing to the four base types'                              | ['BMM:MIDWIFE_CLINIC', 'BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES', '~TV:OTHER'] || FAMILY_CENTRE | 'all four base services take part, co-located'
        'all four with a midwife clinic elsewhere are family-centre-like'              | ['~BMM:MIDWIFE_CLINIC', 'BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES'] || FAMILY_CENTRE_LIKE | 'not co-located: BMM (MIDWIFE_CLINIC)'
        'all four with open preschool elsewhere but social services here are like'     | ['BMM:MIDWIFE_CLINIC', 'BVC:CHILD_HEALTH', '~ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES'] || FAMILY_CENTRE_LIKE | 'not co-located: ÖF (OPEN_PRESCHOOL)'
        'all four with social services elsewhere but open preschool here are like'     | ['BMM:MIDWIFE_CLINIC', 'BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', '~SOC:SOCIAL_SERVICES'] || FAMILY_CENTRE_LIKE | 'not co-located: SOC (SOCIAL_SERVICES)'
        'three types without the midwife clinic are family-centre-like'                | ['BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES']                   || FAMILY_CENTRE_LIKE | 'missing MIDWIFE_CLINIC'
        'three types without social services are family-centre-like'                   | ['BMM:MIDWIFE_CLINIC', 'BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL']                    || FAMILY_CENTRE_LIKE | 'missing SOCIAL_SERVICES'
        'three types, open preschool elsewhere, social services here, are like'        | ['BVC:CHILD_HEALTH', '~ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES']                  || FAMILY_CENTRE_LIKE | 'missing MIDWIFE_CLINIC; not co-located: ÖF (OPEN_PRESCHOOL)'
        'a second child health service elsewhere does not undo the co-located one'     | ['BVC:CHILD_HEALTH', '~BVC2:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES'] || FAMILY_CENTRE_LIKE | 'missing MIDWIFE_CLINIC; not co-located: BVC2 (CHILD_HEALTH)'
        'three types without open preschool are not covered'                           | ['BMM:MIDWIFE_CLINIC', 'BVC:CHILD_HEALTH', 'SOC:SOCIAL_SERVICES']                  || NOT_COVERED        | 'no OPEN_PRESCHOOL service takes part'
        'three types without child health are not covered'                             | ['BMM:MIDWIFE_CLINIC', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES']                 || NOT_COVERED        | 'no CHILD_HEALTH service takes part'
        'two types are not covered, even the two required ones'                        | ['BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL']                                          || NOT_COVERED        | 'only 2 of the four base service types take part'
        'two services of one type count as one type'                                   | ['BVC:CHILD_HEALTH', 'BVC2:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL']                     || NOT_COVERED        | 'only 2 of the four base service types take part'
        'other actors never make up a missing type'                                    | ['BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'TV:OTHER', 'BIB:OTHER']                 || NOT_COVERED        | 'only 2 of the four base service types take part'
        'all four with child health elsewhere are not covered'                         | ['BMM:MIDWIFE_CLINIC', '~BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES'] || NOT_COVERED     | 'no CHILD_HEALTH service is co-located'
        'all four with open preschool and social services elsewhere are not covered'   | ['BMM:MIDWIFE_CLINIC', 'BVC:CHILD_HEALTH', '~ÖF:OPEN_PRESCHOOL', '~SOC:SOCIAL_SERVICES'] || NOT_COVERED   | 'no OPEN_PRESCHOOL or SOCIAL_SERVICES service is co-located'
        'three types with social services here but no open preschool are not covered' | ['BMM:MIDWIFE_CLINIC', 'BVC:CHILD_HEALTH', 'SOC:SOCIAL_SERVICES', '~TV:OTHER']     || NOT_COVERED        | 'no OPEN_PRESCHOOL service takes part'
        'every shortcoming is named at once'                                           | ['~ÖF:OPEN_PRESCHOOL']                                                              || NOT_COVERED        | 'only 1 of the four base service types take part; no CHILD_HEALTH service takes part; no OPEN_PRESCHOOL or SOCIAL_SERVICES service is co-located'
        'no base service at all is not covered'                                        | ['TV:OTHER']                                                                       || NOT_COVERED        | 'only 0 of the four base service types take part; no CHILD_HEALTH service takes part; no OPEN_PRESCHOOL service takes part; no OPEN_PRESCHOOL or SOCIAL_SERVICES service is co-located'
        'a service that takes part only before the period does not count'              | ['BMM:MIDWIFE_CLINIC@2024-01-01..2024-12-31', 'BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES'] || FAMILY_CENTRE_LIKE | 'missing MIDWIFE_CLINIC'
        'a service that joins only after the period does not count'                   | ['BMM:MIDWIFE_CLINIC@2025-04-01..', 'BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES'] || FAMILY_CENTRE_LIKE | 'missing MIDWIFE_CLINIC'
        'a service present for the whole period, both ends on its edges, counts'       | ['BMM:MIDWIFE_CLINIC@2025-01-01..2025-03-31', 'BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES'] || FAMILY_CENTRE | 'all four base services take part, co-located'
    }

    def "a classification holds per stretch: #rule"() {
        expect:
        classify(services) == stretches

        where:
        rule                                                              | services                                                                                                   || stretches
        'social services leaving mid-period make the rest family-centre-like' | ['BMM:MIDWIFE_CLINIC', 'BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES@..2025-02-15'] || [['2025-01-01', '2025-02-15', FAMILY_CENTRE, 'all four base services take part, co-located'], ['2025-02-16', '2025-03-31', FAMILY_CENTRE_LIKE, 'missing SOCIAL_SERVICES']]
        'a midwife clinic joining mid-period makes a family centre from that day' | ['BMM:MIDWIFE_CLINIC@2025-02-01..', 'BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES'] || [['2025-01-01', '2025-01-31', FAMILY_CENTRE_LIKE, 'missing MIDWIFE_CLINIC'], ['2025-02-01', '2025-03-31', FAMILY_CENTRE, 'all four base services take part, co-located']]
        'open preschool leaving leaves a stretch not covered'             | ['BMM:MIDWIFE_CLINIC', 'BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL@..2025-01-31']                                || [['2025-01-01', '2025-01-31', FAMILY_CENTRE_LIKE, 'missing SOCIAL_SERVICES'], ['2025-02-01', '2025-03-31', NOT_COVERED, 'only 2 of the four base service types take part; no OPEN_PRESCHOOL service takes part; no OPEN_PRESCHOOL or SOCIAL_SERVICES service is co-located']]
        'a service present for one day inside the period is its own stretch' | ['BMM:MIDWIFE_CLINIC@2025-03-10..2025-03-10', 'BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES'] || [['2025-01-01', '2025-03-09', FAMILY_CENTRE_LIKE, 'missing MIDWIFE_CLINIC'], ['2025-03-10', '2025-03-10', FAMILY_CENTRE, 'all four base services take part, co-located'], ['2025-03-11', '2025-03-31', FAMILY_CENTRE_LIKE, 'missing MIDWIFE_CLINIC']]
        'one service taking over from another of its type changes nothing' | ['BMM:MIDWIFE_CLINIC@..2025-02-09', 'BMM2:MIDWIFE_CLINIC@2025-02-10..', 'BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES'] || [['2025-01-01', '2025-03-31', FAMILY_CENTRE, 'all four base services take part, co-located']]
        'an other actor leaving changes nothing'                          | ['BMM:MIDWIFE_CLINIC', 'BVC:CHILD_HEALTH', 'ÖF:OPEN_PRESCHOOL', 'SOC:SOCIAL_SERVICES', 'TV:OTHER@..2025-02-01'] || [['2025-01-01', '2025-03-31', FAMILY_CENTRE, 'all four base services take part, co-located']]
        'a vacancy of every service is not covered for its days'          | ['BMM:MIDWIFE_CLINIC@..2025-01-15', 'BVC:CHILD_HEALTH@..2025-01-15', 'ÖF:OPEN_PRESCHOOL@..2025-01-15', 'SOC:SOCIAL_SERVICES@..2025-01-15'] || [['2025-01-01', '2025-01-15', FAMILY_CENTRE, 'all four base services take part, co-located'], ['2025-01-16', '2025-03-31', NOT_COVERED, 'only 0 of the four base service types take part; no CHILD_HEALTH service takes part; no OPEN_PRESCHOOL service takes part; no OPEN_PRESCHOOL or SOCIAL_SERVICES service is co-located']]
    }

    def "every stretch not covered is warned about and the costs are computed all the same"() {
        given: 'child health only, with no cost at all'
        def centre = new Centre('Liten', [new LegalEntity(REGION, 'Västra Götalandsregionen')],
                [service('BVC:CHILD_HEALTH'), service('ÖF:OPEN_PRESCHOOL@..2025-01-31')], [], [:], [], [], null)

        when:
        def outcome = new Allocator().allocate(centre, Q1)

        then:
        outcome instanceof AllocationOutcome.Allocated
        def allocation = (outcome as AllocationOutcome.Allocated).allocation()
        allocation.classification()*.classification() == [NOT_COVERED, NOT_COVERED]
        allocation.warnings().findAll { it.code() == 'NOT_COVERED' }*.message() == [
                'From 2025-01-01 to 2025-01-31 the centre is not covered by the agreement: only 2 of the four base service types take part. The costs are computed all the same.',
                'From 2025-02-01 to 2025-03-31 the centre is not covered by the agreement: only 1 of the four base service types take part; no OPEN_PRESCHOOL service takes part; no OPEN_PRESCHOOL or SOCIAL_SERVICES service is co-located. The costs are computed all the same.',
        ]
    }
}
