package se.familycentre.allocation

import java.time.LocalDate
import org.javamoney.moneta.Money
import spock.lang.Specification

/**
 * Every refusal of RULES §1–§3 at the core: a valid centre, one change, and the
 * one field it breaks with the reason. The model is a map so that each row can
 * change one part; {@link #build} turns it into the core's records.
 */
class CentreValidatorSpec extends Specification {

    static final String REGION = '232100-0131'
    static final String MUNICIPALITY = '212000-1561'
    static final Period Q1 = new Period(LocalDate.parse('2025-01-01'), LocalDate.parse('2025-03-31'))

    static Map valid() {
        [name         : 'Familjecentralen Solgläntan',
         entities     : [[org: REGION, name: 'Västra Götalandsregionen'], [org: MUNICIPALITY, name: 'Kommunen']],
         services     : [[id: 'BMM', type: 'MIDWIFE_CLINIC', entity: REGION],
                         [id: 'BVC', type: 'CHILD_HEALTH', entity: REGION],
                         [id: 'ÖF', type: 'OPEN_PRESCHOOL', entity: MUNICIPALITY],
                         [id: 'SOC', type: 'SOCIAL_SERVICES', entity: MUNICIPALITY]],
         rooms        : [[id: 'wc1', type: 'STAFF_TOILET', area: '4'], [id: 'wc2', type: 'VISITOR_TOILET', area: '4'],
                         [id: 'konf', type: 'CONFERENCE_ROOM', area: '20'], [id: 'pers', type: 'STAFF_ROOM', area: '25'],
                         [id: 'bmm', type: 'TREATMENT_ROOM', area: '40', service: 'BMM']],
         rules        : [:],
         coordinators : [[id: 'coordinator', employer: 'ÖF', salary: '42000', fte: '100', onCost: '40']],
         costLines    : [[id: 'rent', pool: 'PREMISES', payer: 'ÖF', periodicity: 'YEAR', amount: '129600']],
         dedicatedRent: null]
    }

    static LocalDate day(Object text) { text == null ? null : LocalDate.parse(text as String) }

    static Object sek(Object text) { text == null ? null : text instanceof String ? Sek.sek(text) : text }

    static BigDecimal dec(Object text) { text == null ? null : new BigDecimal(text as String) }

    static Centre build(Map m) {
        new Centre(m.name,
                m.entities.collect { new LegalEntity(it.org, it.name) },
                m.services.collect {
                    new Service(it.id, it.type ? ServiceType.valueOf(it.type) : null, it.entity, it.name, day(it.from),
                            day(it.to), it.coLocated == null ? true : it.coLocated, it.sharesPremises,
                            (it.pools ?: []).collect { Pool.valueOf(it) } as Set)
                },
                m.rooms.collect {
                    new Room(it.id, it.type ? RoomType.valueOf(it.type) : null, dec(it.area), it.service, day(it.from),
                            day(it.to))
                },
                m.rules.collectEntries { pool, list ->
                    [(Pool.valueOf(pool)): list.collect {
                        new PoolRule(day(it.from), it.rule ? RuleKind.valueOf(it.rule) : null,
                                (it.percentages ?: [:]).collectEntries { k, v -> [(k): dec(v)] })
                    }]
                },
                m.coordinators.collect {
                    new Coordinator(it.id, it.name, it.employer, day(it.from), day(it.to), sek(it.salary),
                            (it.salaryChanges ?: []).collect { new AmountChange(day(it.from), sek(it.amount)) },
                            dec(it.fte), (it.fteChanges ?: []).collect { new PercentChange(day(it.from), dec(it.percent)) },
                            dec(it.onCost), (it.onCostChanges ?: []).collect { new PercentChange(day(it.from), dec(it.percent)) },
                            sek(it.competence), sek(it.it), sek(it.other))
                },
                m.costLines.collect {
                    new CostLine(it.id, it.name, it.pool ? Pool.valueOf(it.pool) : null, it.payer,
                            it.periodicity ? Periodicity.valueOf(it.periodicity) : null, sek(it.amount), day(it.from),
                            day(it.to), (it.changes ?: []).collect { new AmountChange(day(it.from), sek(it.amount)) },
                            day(it.date), it.borneBy)
                },
                m.dedicatedRent == null ? null : new DedicatedRent(m.dedicatedRent.leaseHolder, sek(m.dedicatedRent.rent)))
    }

    static List<Violation> violations(Closure change, Period period = Q1) {
        Map centre = valid()
        change(centre)
        CentreValidator.validate(build(centre), period)
    }

    def "the valid centre passes, with and without a period"() {
        expect:
        CentreValidator.validate(build(valid()), Q1) == []
        CentreValidator.validate(build(valid())) == []
        new Allocator().allocate(build(valid()), Q1) instanceof AllocationOutcome.Allocated
    }

    def "§1 who takes part: #refusal"() {
        when:
        def found = violations(change)

        then:
        found.size() == 1
        found[0].field() == field
        found[0].reason().contains(reason)

        where:
        refusal                                               | change                                                                                 || field                               | reason
        'an organisationsnummer that is not ten digits'       | { it.entities[0].org = '232100-013'; it.services[0..1].each { s -> s.entity = '232100-013' } }                                                || 'entities[0].organisationNumber'    | 'is not a valid organisationsnummer: format: must be ten digits written NNNNNN-NNNN'
        'an organisationsnummer with a wrong check digit'     | { it.entities[1].org = '212000-1562'; it.services[2..3].each { s -> s.entity = '212000-1562' } }      || 'entities[1].organisationNumber'    | 'the last digit is 2 but the Luhn check digit of 212000156 is 1'
        'an entity without organisationsnummer'               | { it.entities << [name: 'Tandvården'] }                                                || 'entities[2].organisationNumber'    | 'is required'
        'the same entity twice, once without the hyphen'      | { it.entities << [org: '2321000131', name: 'VGR igen'] }                               || 'entities[2].organisationNumber'    | 'duplicates entities[0] (2321000131)'
        'an entity without a name'                            | { it.entities[0].name = ' ' }                                                          || 'entities[0].name'                  | 'is required'
        'a centre without services'                           | { it.services = []; it.coordinators = []; it.costLines = []; it.rooms.removeAll { r -> r.service } } || 'services' | 'a centre needs at least one service'
        'two services with one id'                            | { it.services << [id: 'BVC', type: 'OTHER', entity: REGION] }                          || 'services[4].id'                    | 'duplicates the id of services[1] (BVC)'
        'a service id longer than 64 characters'              | { it.services << [id: 'x' * 65, type: 'OTHER', entity: REGION] }                       || 'services[4].id'                    | 'is at most 64 characters, was 65'
        'a service name longer than 200 characters'           | { it.services[0].name = 'n' * 201 }                                                    || 'services[0].name'                  | 'is at most 200 characters, was 201'
        'a service without a type'                            | { it.services[3].type = null }                                                         || 'services[3].type'                  | 'is required'
        'a service without an entity'                         | { it.services[3].entity = null }                                                       || 'services[3].entity'                | 'is required'
        'a service of an entity the centre does not list'     | { it.services[3].entity = '556036-0793' }                                              || 'services[3].entity'                | 'no entity of the centre has organisationsnummer 556036-0793'
        'a service that leaves before it joins'               | { it.services[3].from = '2025-02-01'; it.services[3].to = '2025-01-31' }               || 'services[3].to'                    | 'is before from (2025-02-01)'
        'an OTHER actor in the COORDINATOR pool'              | { it.services << [id: 'TV', type: 'OTHER', entity: REGION, pools: ['COORDINATOR']] }   || 'services[4].pools'                 | 'an OTHER actor is never in the COORDINATOR pool'
        'a base service that names its pools'                 | { it.services[0].pools = ['JOINT'] }                                                   || 'services[0].pools'                 | 'only OTHER actors name their pools'
    }

    def "§2 pools, rules and rooms: #refusal"() {
        when:
        def found = violations(change)

        then:
        found.size() == 1
        found[0].field() == field
        found[0].reason().contains(reason)

        where:
        refusal                                               | change                                                                                                        || field                                  | reason
        'a coordinator shared by AREA'                        | { it.rules.COORDINATOR = [[rule: 'AREA']] }                                                                  || 'rules.COORDINATOR[0].rule'            | 'the coordinator\'s cost is always shared EQUAL (§14.1), not AREA'
        'a coordinator shared by PERCENT'                     | { it.rules.COORDINATOR = [[rule: 'PERCENT', percentages: [BMM: '25', BVC: '25', 'ÖF': '25', SOC: '25']]] }    || 'rules.COORDINATOR[0].rule'            | 'always shared EQUAL (§14.1), not PERCENT'
        'percentages adding up to less than 100'              | { it.rules.JOINT = [[rule: 'PERCENT', percentages: [BMM: '25', BVC: '25', 'ÖF': '25', SOC: '15']]] }          || 'rules.JOINT[0].percentages'           | 'add up to 90, not 100 (difference -10)'
        'percentages adding up to more than 100'              | { it.rules.JOINT = [[rule: 'PERCENT', percentages: [BMM: '25', BVC: '25', 'ÖF': '25', SOC: '25.5']]] }        || 'rules.JOINT[0].percentages'           | 'add up to 100.5, not 100 (difference +0.5)'
        'a percentage to an unknown service'                  | { it.rules.JOINT = [[rule: 'PERCENT', percentages: [BMM: '25', BVC: '25', 'ÖF': '25', XYZ: '25']]] }          || 'rules.JOINT[0].percentages.XYZ'       | 'no service of the centre has id XYZ'
        'a percentage to an OTHER actor outside the pool'     | { it.services << [id: 'TV', type: 'OTHER', entity: REGION, pools: ['PREMISES']]; it.rules.JOINT = [[rule: 'PERCENT', percentages: [BMM: '25', BVC: '25', 'ÖF': '25', TV: '25']]] } || 'rules.JOINT[0].percentages.TV' | 'TV cannot be a member of the JOINT pool (an OTHER actor is a member only of the pools it names)'
        'a premises percentage to a service not sharing them' | { it.services[0].coLocated = false; it.rules.PREMISES = [[rule: 'PERCENT', percentages: [BMM: '25', BVC: '25', 'ÖF': '25', SOC: '25']]] } || 'rules.PREMISES[0].percentages.BMM' | 'BMM cannot be a member of the PREMISES pool (it does not share the premises)'
        'a negative percentage'                               | { it.rules.JOINT = [[rule: 'PERCENT', percentages: [BMM: '-10', BVC: '40', 'ÖF': '35', SOC: '35']]] }         || 'rules.JOINT[0].percentages.BMM'       | 'must not be negative, was -10'
        'a PERCENT rule without percentages'                  | { it.rules.JOINT = [[rule: 'PERCENT']] }                                                                      || 'rules.JOINT[0].percentages'           | 'a PERCENT rule needs the members\' percentages'
        'percentages on an EQUAL rule'                        | { it.rules.JOINT = [[rule: 'EQUAL', percentages: [BMM: '100']]] }                                             || 'rules.JOINT[0].percentages'           | 'only a PERCENT rule takes percentages, this rule is EQUAL'
        'a rule without its kind'                             | { it.rules.JOINT = [[:]] }                                                                                    || 'rules.JOINT[0].rule'                  | 'is required'
        'a first rule with a date'                            | { it.rules.JOINT = [[rule: 'EQUAL', from: '2025-01-01']] }                                                    || 'rules.JOINT[0].from'                  | 'the first rule holds from the start; leave from out'
        'a later rule without a date'                         | { it.rules.JOINT = [[rule: 'EQUAL'], [rule: 'AREA']] }                                                        || 'rules.JOINT[1].from'                  | 'is required for every rule after the first'
        'a later rule dated before the one it follows'        | { it.rules.JOINT = [[rule: 'EQUAL'], [rule: 'AREA', from: '2025-03-01'], [rule: 'EQUAL', from: '2025-03-01']] } || 'rules.JOINT[2].from'            | 'must be after the previous rule\'s date 2025-03-01'
        'a room of 0 m²'                                      | { it.rooms[0].area = '0' }                                                                                    || 'rooms[0].area'                        | 'must be above 0 m², was 0'
        'a room with three decimals of m²'                    | { it.rooms[0].area = '4.125' }                                                                                || 'rooms[0].area'                        | 'has at most two decimals, was 4.125'
        'a room of ten billion m²'                            | { it.rooms[0].area = '10000000000' }                                                                          || 'rooms[0].area'                        | 'must be below 10 000 000 000 m²'
        'a room without an area'                              | { it.rooms[0].area = null }                                                                                   || 'rooms[0].area'                        | 'is required'
        'a room without a type'                               | { it.rooms[0].type = null }                                                                                   || 'rooms[0].type'                        | 'is required'
        'two rooms with one id'                               | { it.rooms[1].id = 'wc1' }                                                                                    || 'rooms[1].id'                          | 'duplicates the id of rooms[0] (wc1)'
        'a room dedicated to an unknown service'              | { it.rooms[4].service = 'XYZ' }                                                                               || 'rooms[4].service'                     | 'no service of the centre has id XYZ'
        'a room that goes before it comes'                    | { it.rooms[4].from = '2025-03-01'; it.rooms[4].to = '2025-02-01' }                                            || 'rooms[4].to'                          | 'is before from (2025-03-01)'
    }

    def "§3 lines, the coordinator and time: #refusal"() {
        when:
        def found = violations(change, period)

        then:
        found.size() == 1
        found[0].field() == field
        found[0].reason().contains(reason)

        where:
        refusal                                               | change                                                                                        | period                                                        || field                                          | reason
        'a period that ends before it starts'                 | { }                                                                                          | new Period(LocalDate.parse('2025-03-31'), LocalDate.parse('2025-01-01')) || 'period.to'                  | 'is before period.from (2025-03-31)'
        'a period longer than ten years'                      | { }                                                                                          | new Period(LocalDate.parse('2024-02-29'), LocalDate.parse('2034-03-01')) || 'period'                     | 'is longer than ten years (2024-02-29 to 2034-03-01)'
        'a negative amount'                                   | { it.costLines[0].amount = '-1' }                                                            | Q1 || 'costLines[0].amount'                           | 'must not be negative, was -1'
        'an amount with five decimals'                        | { it.costLines[0].amount = '1.00001' }                                                       | Q1 || 'costLines[0].amount'                           | 'has at most four decimals, was 1.00001'
        'an amount in euro'                                   | { it.costLines[0].amount = Money.of(100, 'EUR') }                                            | Q1 || 'costLines[0].amount'                           | 'must be in SEK, was EUR'
        'a line without an amount'                            | { it.costLines[0].amount = null }                                                            | Q1 || 'costLines[0].amount'                           | 'is required'
        'a line without a pool'                               | { it.costLines[0].pool = null }                                                              | Q1 || 'costLines[0].pool'                             | 'is required'
        'a line without a periodicity'                        | { it.costLines[0].periodicity = null }                                                       | Q1 || 'costLines[0].periodicity'                      | 'is required'
        'a line without a payer'                              | { it.costLines[0].payer = null }                                                             | Q1 || 'costLines[0].payer'                            | 'is required'
        'a payer that is no service of the centre'            | { it.costLines[0].payer = 'XYZ' }                                                            | Q1 || 'costLines[0].payer'                            | 'no service of the centre has id XYZ'
        'a bearer that is no service of the centre'           | { it.costLines[0].borneBy = 'XYZ' }                                                          | Q1 || 'costLines[0].borneBy'                          | 'no service of the centre has id XYZ'
        'two lines with one id'                               | { it.costLines << [id: 'rent', pool: 'JOINT', payer: 'BVC', periodicity: 'MONTH', amount: '1'] } | Q1 || 'costLines[1].id'                           | 'duplicates the id of another line (rent)'
        'a line taking the id of a coordinator\'s line'       | { it.costLines[0].id = 'coordinator/salary' }                                                | Q1 || 'costLines[0].id'                               | 'duplicates the id of another line (coordinator/salary)'
        'a line that ends before it starts'                   | { it.costLines[0].from = '2025-02-01'; it.costLines[0].to = '2025-01-01' }                   | Q1 || 'costLines[0].to'                               | 'is before from (2025-02-01)'
        'a change on the line\'s first day'                   | { it.costLines[0].from = '2025-01-01'; it.costLines[0].changes = [[from: '2025-01-01', amount: '1']] } | Q1 || 'costLines[0].changes[0].from'     | 'must be after the start 2025-01-01 (the first amount holds from the start)'
        'a change not after the previous change'              | { it.costLines[0].changes = [[from: '2025-02-01', amount: '1'], [from: '2025-02-01', amount: '2']] } | Q1 || 'costLines[0].changes[1].from'       | 'must be after the previous change\'s date 2025-02-01'
        'a change after the end of the validity'              | { it.costLines[0].to = '2025-02-28'; it.costLines[0].changes = [[from: '2025-03-01', amount: '1']] } | Q1 || 'costLines[0].changes[0].from'       | 'falls after the end of the validity 2025-02-28'
        'a change without a date'                             | { it.costLines[0].changes = [[amount: '1']] }                                                | Q1 || 'costLines[0].changes[0].from'                  | 'is required'
        'a negative changed amount'                           | { it.costLines[0].changes = [[from: '2025-02-01', amount: '-5']] }                           | Q1 || 'costLines[0].changes[0].amount'                | 'must not be negative, was -5'
        'a ONCE line without its date'                        | { it.costLines[0].periodicity = 'ONCE' }                                                     | Q1 || 'costLines[0].date'                             | 'a ONCE line needs the date it falls on'
        'a ONCE line with a validity'                         | { it.costLines[0] += [periodicity: 'ONCE', date: '2025-02-01', to: '2025-03-01'] }           | Q1 || 'costLines[0].to'                               | 'a ONCE line has a date, not a validity'
        'a ONCE line with changes'                            | { it.costLines[0] += [periodicity: 'ONCE', date: '2025-02-01', changes: [[from: '2025-03-01', amount: '1']]] } | Q1 || 'costLines[0].changes'  | 'a ONCE line has one amount and no changes'
        'a dated line that is not ONCE'                       | { it.costLines[0].date = '2025-02-01' }                                                      | Q1 || 'costLines[0].date'                             | 'only a ONCE line has a date; this line is YEAR and uses from/to'
        'a coordinator without an employer'                   | { it.coordinators[0].employer = null }                                                       | Q1 || 'coordinators[0].employer'                      | 'is required'
        'a coordinator employed by an unknown service'        | { it.coordinators[0].employer = 'XYZ' }                                                      | Q1 || 'coordinators[0].employer'                      | 'no service of the centre has id XYZ'
        'a coordinator employed by an OTHER actor'            | { it.services << [id: 'TV', type: 'OTHER', entity: REGION]; it.coordinators[0].employer = 'TV' } | Q1 || 'coordinators[0].employer'              | 'must be a base service (MIDWIFE_CLINIC, CHILD_HEALTH, OPEN_PRESCHOOL, SOCIAL_SERVICES); TV is OTHER'
        'a coordinator without a salary'                      | { it.coordinators[0].salary = null }                                                         | Q1 || 'coordinators[0].monthlySalary'                 | 'is required'
        'an FTE of 0 %'                                       | { it.coordinators[0].fte = '0' }                                                             | Q1 || 'coordinators[0].ftePercent'                    | 'an FTE percentage is above 0 and at most 100, was 0'
        'an FTE above 100 %'                                  | { it.coordinators[0].fte = '100.5' }                                                         | Q1 || 'coordinators[0].ftePercent'                    | 'an FTE percentage is above 0 and at most 100, was 100.5'
        'an FTE change to above 100 %'                        | { it.coordinators[0].fteChanges = [[from: '2025-02-01', percent: '120']] }                    | Q1 || 'coordinators[0].fteChanges[0].percent'         | 'an FTE percentage is above 0 and at most 100, was 120'
        'a negative on-cost percentage'                       | { it.coordinators[0].onCost = '-1' }                                                         | Q1 || 'coordinators[0].onCostPercent'                 | 'must not be negative, was -1'
        'an on-cost percentage with five decimals'            | { it.coordinators[0].onCost = '40.00001' }                                                   | Q1 || 'coordinators[0].onCostPercent'                 | 'has at most four decimals, was 40.00001'
        'an on-cost percentage of 100 000'                    | { it.coordinators[0].onCost = '100000' }                                                     | Q1 || 'coordinators[0].onCostPercent'                 | 'must be below 100000, was 100000'
        'a salary revision not after the previous one'        | { it.coordinators[0].salaryChanges = [[from: '2025-03-01', amount: '43000'], [from: '2025-02-01', amount: '44000']] } | Q1 || 'coordinators[0].salaryChanges[1].from' | 'must be after the previous change\'s date 2025-03-01'
        'a negative yearly IT cost'                           | { it.coordinators[0].it = '-6000' }                                                          | Q1 || 'coordinators[0].itPerYear'                     | 'must not be negative, was -6000'
        'a coordinator who leaves before starting'            | { it.coordinators[0].from = '2025-02-01'; it.coordinators[0].to = '2025-01-01' }             | Q1 || 'coordinators[0].to'                            | 'is before from (2025-02-01)'
        'a coordinator whose id gives another\'s line ids'    | { it.coordinators << it.coordinators[0].clone() }                                           | Q1 || 'coordinators[1].id'                            | 'gives line id coordinator/salary, which another line already has'
        'a rent recharge without a lease holder'              | { it.dedicatedRent = [rent: '1800'] }                                                       | Q1 || 'dedicatedRent.leaseHolder'                     | 'is required'
        'a rent recharge held by an unknown service'          | { it.dedicatedRent = [leaseHolder: 'XYZ', rent: '1800'] }                                   | Q1 || 'dedicatedRent.leaseHolder'                     | 'no service of the centre has id XYZ'
        'a negative rent per m²'                              | { it.dedicatedRent = [leaseHolder: 'ÖF', rent: '-1800'] }                                   | Q1 || 'dedicatedRent.rentPerSquareMetreYear'          | 'must not be negative, was -1800'
        'a rent recharge whose line id is taken'              | { it.dedicatedRent = [leaseHolder: 'ÖF', rent: '1800']; it.costLines[0].id = 'dedicated-rent/BMM' } | Q1 || 'dedicatedRent'                   | 'the recharge line id dedicated-rent/BMM is already taken by another line'
    }

    def "every offending field is listed at once, in the order of the centre's parts"() {
        when:
        def found = violations({
            it.entities[0].name = null
            it.rooms[0].area = '-1'
            it.costLines[0].amount = '-1'
            it.costLines[0].payer = 'XYZ'
        }, new Period(LocalDate.parse('2025-03-31'), LocalDate.parse('2025-01-01')))

        then:
        found*.field() == ['period.to', 'entities[0].name', 'rooms[0].area', 'costLines[0].payer', 'costLines[0].amount']
    }

    def "§2 refusals that need the period's segments: #refusal"() {
        given:
        Map centre = valid()
        change(centre)

        when:
        def outcome = new Allocator().allocate(build(centre), Q1)

        then:
        outcome instanceof AllocationOutcome.Refused
        (outcome as AllocationOutcome.Refused).violations().collect { [it.field(), it.reason()] } == [[field, reason]]

        where:
        refusal                                           | change                                                                     || field          | reason
        'a shared premises cost without a staff room'     | { it.rooms.removeAll { r -> r.id == 'pers' } }                             || 'rooms'        | 'the shared rooms lack STAFF_ROOM from 2025-01-01 to 2025-03-31; a centre with shared premises costs needs at least a staff toilet, a visitor toilet, a conference room and a staff room (§14.1)'
        'a staff toilet that goes mid-period'             | { it.rooms[0].to = '2025-02-14' }                                           || 'rooms'        | 'the shared rooms lack STAFF_TOILET from 2025-02-15 to 2025-03-31; a centre with shared premises costs needs at least a staff toilet, a visitor toilet, a conference room and a staff room (§14.1)'
        'an AREA cost while no member has a room'         | { it.rules.PREMISES = [[rule: 'AREA']]; it.rooms[4].to = '2025-01-31' }     || 'costLines[0]' | 'line rent accrues a cost from 2025-02-01 to 2025-03-31 but the PREMISES pool has no member with a weight above 0; the cost cannot be shared (RULES §2)'
        'a PERCENT cost while only 0 % members take part' | { it.rules.JOINT = [[rule: 'PERCENT', percentages: [BMM: '100', BVC: '0']]]; it.services[0].to = '2025-02-27'; it.costLines[0].pool = 'JOINT' } || 'costLines[0]' | 'line rent accrues a cost from 2025-02-28 to 2025-03-31 but the JOINT pool has no member with a weight above 0; the cost cannot be shared (RULES §2)'
        'a borne line on days its bearer does not take part' | { it.costLines[0].borneBy = 'SOC'; it.services[3].from = '2025-03-01' } || 'costLines[0]' | 'line rent accrues a cost from 2025-01-01 to 2025-02-28 but the service that bears it (SOC) does not take part; the cost cannot be shared (RULES §2)'
    }
}
