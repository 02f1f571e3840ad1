package se.familycentre.allocation

import java.math.RoundingMode
import spock.lang.Specification

/** RULES §4 exactness: a fraction is exact whether it fits in longs or not, and one value is one object. */
class FractionSpec extends Specification {

    static final BigInteger BIG = BigInteger.valueOf(Long.MAX_VALUE)

    def "#rule"() {
        expect:
        result.toString() == expected

        where:
        rule                                                        | result                                                                                   || expected
        'sums reduce to lowest terms'                               | Fraction.of(1, 6).add(Fraction.of(1, 3))                                                 || '1/2'
        'a negative denominator moves its sign up'                  | Fraction.of(3, -6)                                                                       || '-1/2'
        'decimals are exact'                                        | Fraction.of(new BigDecimal('129600.0000')).multiply(Fraction.of(1, 12))                  || '10800'
        'a product past a long falls back to BigInteger'            | Fraction.of(Long.MAX_VALUE).multiply(Fraction.of(Long.MAX_VALUE))                        || BIG.multiply(BIG).toString()
        'a sum past a long falls back to BigInteger'                | Fraction.of(Long.MAX_VALUE).add(Fraction.of(Long.MAX_VALUE))                             || BIG.add(BIG).toString()
        'denominators past a long stay exact'                       | Fraction.of(1, Long.MAX_VALUE).add(Fraction.of(1, Long.MAX_VALUE - 1))                    || BIG.add(BIG - 1).toString() + '/' + BIG.multiply(BIG - 1).toString()
        'a big value divided back comes back small'                 | Fraction.of(Long.MAX_VALUE).multiply(Fraction.of(Long.MAX_VALUE)).divide(Fraction.of(Long.MAX_VALUE)) || Long.MAX_VALUE.toString()
        'Long.MIN_VALUE negates exactly'                            | Fraction.of(Long.MIN_VALUE, 1).negate()                                                  || BIG.add(BigInteger.ONE).toString()
        'a difference to zero is zero'                              | Fraction.of(2, 7).subtract(Fraction.of(4, 14))                                           || '0'
    }

    def "one value is one object, whichever way it was computed"() {
        given:
        def viaBig = Fraction.of(Long.MAX_VALUE).multiply(Fraction.of(3)).divide(Fraction.of(Long.MAX_VALUE))
        def small = Fraction.of(3)

        expect:
        viaBig == small
        viaBig.hashCode() == small.hashCode()
        viaBig.compareTo(small) == 0
        Fraction.of(new BigInteger('6'), new BigInteger('4')) == Fraction.of(3, 2)
    }

    def "comparison, floor and rounding are exact: #a against #b"() {
        expect:
        Math.signum(Fraction.of(new BigDecimal(a)).compareTo(Fraction.of(new BigDecimal(b)))) == cmp

        where:
        a                         | b                          || cmp
        '0.1'                     | '0.10'                     || 0
        '-0.5'                    | '0.25'                     || -1
        '92233720368547758.07'    | '92233720368547758.06'     || 1
    }

    def "floor of #value is #floor and half away from zero gives #rounded"() {
        expect:
        value.floor() == BigInteger.valueOf(floor)
        value.toBigDecimal(0, RoundingMode.HALF_UP) == new BigDecimal(rounded)

        where:
        value                  || floor | rounded
        Fraction.of(7, 2)      || 3     | '4'
        Fraction.of(-7, 2)     || -4    | '-4'
        Fraction.of(-1, 3)     || -1    | '0'
        Fraction.of(5, 1)      || 5     | '5'
    }

    def "the exact decimal of #value is #decimal"() {
        expect:
        value.toExactDecimal().toPlainString() == decimal

        where:
        value                                            || decimal
        Fraction.of(1, 8)                                || '0.125'
        Fraction.of(-3, 40)                              || '-0.075'
        Fraction.of(129600, 1)                           || '129600'
        Fraction.of(new BigDecimal('42000.5000'))        || '42000.5'
        Fraction.of(7, 3).multiply(Fraction.of(3))       || '7'
        Fraction.of(1, 1L << 62)                         || new BigDecimal(1).divide(new BigDecimal(2).pow(62)).toPlainString()
    }

    def "a value without a terminating decimal has no exact decimal"() {
        when:
        Fraction.of(1, 3).toExactDecimal()

        then:
        thrown(ArithmeticException)
    }
}
