package se.familycentre.allocation

import spock.lang.Specification

/** RULES §6 to the öre, through the pure core. */
class WorkedExamplesSpec extends Specification {

    static Allocation allocate(String example, Period period = null) {
        def request = WorkedExamples.request(example)
        def outcome = new Allocator().allocate(request.centre(), period ?: request.period())
        assert outcome instanceof AllocationOutcome.Allocated: outcome
        (outcome as AllocationOutcome.Allocated).allocation()
    }

    def "#example: line #line totals #total and is shared #shares"() {
        when:
        def result = allocate(example).lines().find { it.id() == line }

        then:
        Sek.plain(result.total()) == total
        result.shares().collect { Sek.plain(it.amount()) } == shares

        where:
        [example, line, total, shares] << WorkedExamples.LINES
    }

    def "example B: from #from to #to BMM's salary share is #bmm and SOC's #soc"() {
        when:
        def line = allocate('example-b', new Period(java.time.LocalDate.parse(from), java.time.LocalDate.parse(to)))
                .lines().find { it.id() == 'coordinator/salary' }

        then:
        Sek.plain(line.shareOf('BMM')) == bmm
        Sek.plain(line.shareOf('SOC')) == soc

        where:
        [from, to, bmm, soc] << WorkedExamples.SALARY_B_BY_STRETCH
    }

    def "example A: #debtor owes #creditor #amount (internal: #internal)"() {
        when:
        def flow = allocate('example-a').flows().find { it.creditor() == creditor && it.debtor() == debtor }

        then:
        Sek.plain(flow.amount()) == amount
        flow.internal() == internal

        where:
        [creditor, debtor, amount, internal] << WorkedExamples.FLOWS_A
    }

    def "example A: each service's coordinator share is 45 225.00"() {
        expect:
        allocate('example-a').services().every { Sek.plain(it.byPool()[Pool.COORDINATOR]) == '45225.00' }
    }

    def "example A: SOC's internal transfer to ÖF is 51 567.86 and BMM's to BVC 476.19"() {
        when:
        def flows = allocate('example-a').flows().collectMany { it.services() }

        then:
        Sek.plain(flows.find { it.creditorService() == 'ÖF' && it.debtorService() == 'SOC' }.amount()) == '51567.86'
        Sek.plain(flows.find { it.creditorService() == 'BVC' && it.debtorService() == 'BMM' }.amount()) == '476.19'
    }

    def "example B: the midwife clinic that is not co-located pays no share of the shared rooms"() {
        when:
        def allocation = allocate('example-b')

        then:
        Sek.plain(allocation.lines().find { it.id() == 'rent' }.shareOf('BMM')) == '0.00'
        allocation.lines().find { it.id() == 'rent' }.segments().every { s -> s.weights().every { it.service() != 'BMM' } }
    }

    def "example B: the explanation shows SOC joining on 2025-02-15 and the revision on 2025-03-01"() {
        when:
        def segments = allocate('example-b').lines().find { it.id() == 'coordinator/salary' }.segments()

        then:
        segments.collect { [it.from().toString(), it.to().toString(), it.days(), it.amount().toPlainString(), it.weights()*.service()] } == [
                ['2025-01-01', '2025-02-14', 45L, '30000', ['BMM', 'BVC', 'ÖF']],
                ['2025-02-15', '2025-02-28', 14L, '30000', ['BMM', 'BVC', 'ÖF', 'SOC']],
                ['2025-03-01', '2025-03-31', 31L, '30900', ['BMM', 'BVC', 'ÖF', 'SOC']],
        ]
    }
}
