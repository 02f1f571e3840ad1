package se.familycentre.allocation

import spock.lang.Specification

/** RULES §4: exact shares cut down to whole öre, the öre still missing to the largest remainders, ties to the earlier service. */
class LargestRemainderSpec extends Specification {

    /** Exact shares in öre written as {@code 100/3}, {@code 12.5} or {@code 7}. */
    static Fraction exact(String text) {
        if (text.contains('/')) {
            def (n, d) = text.split('/')
            return Fraction.of(new BigInteger(n), new BigInteger(d))
        }
        Fraction.of(new BigDecimal(text))
    }

    static List<Long> split(long total, List<String> shares) {
        LargestRemainder.split(BigInteger.valueOf(total), shares.collect { exact(it) })*.longValueExact()
    }

    def "#rule"() {
        expect:
        split(total, shares) == ore

        where:
        rule                                                                     | total  | shares                                  || ore
        'one member gets the whole total'                                        | 1235   | ['1234.5']                              || [1235]
        'one member whose share is on an öre gets exactly it'                    | 1234   | ['1234']                                || [1234]
        'shares exactly on whole öre come out exactly, never one short'          | 30000  | ['10000', '20000']                      || [10000, 20000]
        'a third each: the missing öre goes to the first in the centre\'s order' | 100    | ['100/3', '100/3', '100/3']             || [34, 33, 33]
        'two thirds each of two öre: the first two in order take one'           | 200    | ['200/3', '200/3', '200/3']             || [67, 67, 66]
        'the largest remainder wins over the order'                              | 5      | ['1.2', '1.9', '1.9']                   || [1, 2, 2]
        'the largest remainder first, then equal remainders in order'            | 42     | ['10.5', '10.25', '10.5', '10.75']      || [11, 10, 10, 11]
        'an equal remainder later in the order loses the tie'                    | 21     | ['10.25', '10.75']                      || [10, 11]
        'sevenths of an öre amount'                                              | 1000   | (1..7).collect { '1000/7' }             || [143, 143, 143, 143, 143, 143, 142]
        '28ths: February days, 10 + 10 + 8'                                      | 12345  | ['123450/28', '123450/28', '98760/28']  || [4409, 4409, 3527]
        'a zero share stays zero while the others round'                         | 101    | ['0', '50.5', '50.5']                   || [0, 51, 50]
        'a zero total with zero shares is all zero'                              | 0      | ['0', '0', '0']                         || [0, 0, 0]
        'no members and no total give nothing'                                   | 0      | []                                      || []
        'all-zero shares of a total of a few öre: the öre go in the centre\'s order' | 2  | ['0', '0', '0']                         || [1, 1, 0]
        'equal remainders of unequal shares: the tie goes to the first'          | 3      | ['1/3', '1/3', '7/3']                   || [1, 0, 2]
    }

    def "amounts past the range of a long are split exactly"() {
        given:
        BigInteger total = new BigInteger('100000000000000000000000')
        def third = Fraction.of(total, BigInteger.valueOf(3))

        expect:
        LargestRemainder.split(total, [third, third, third]) == [
                new BigInteger('33333333333333333333334'), new BigInteger('33333333333333333333333'),
                new BigInteger('33333333333333333333333')]
    }

    def "a negative share is refused: shares are never negative"() {
        when:
        split(0, ['-1', '1'])

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'shares are never negative: -1'
    }

    def "a total the shares cannot make up is refused: #rule"() {
        when:
        split(total, shares)

        then:
        def e = thrown(IllegalStateException)
        e.message.startsWith("the rounded total $total öre cannot come from shares")

        where:
        rule                                          | total | shares
        'a negative total'                            | -1    | ['0', '0']
        'a negative total of negative-free shares'    | -100  | ['50', '50']
        'a total below the shares\' floors'           | 99    | ['50', '50']
        'more öre missing than there are shares'      | 5     | ['0', '0', '0']
        'a total with no shares at all'               | 1     | []
    }
}
