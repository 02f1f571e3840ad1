package se.familycentre.format

import spock.lang.Specification

/** Bankgiro, plusgiro, VAT number, IBAN and BIC: format and check digits, and how each is printed. */
class PaymentNumbersSpec extends Specification {

    def "bankgiro #text is #verdict"() {
        expect:
        PaymentNumbers.problemWithBankgiro(text).isEmpty() == valid
        !valid || PaymentNumbers.normalBankgiro(text) == printed

        where:
        text         || valid | printed
        '5050-1089'  || true  | '5050-1089'
        '50501089'   || true  | '5050-1089'
        '5501 1225'  || true  | '5501-1225'
        '991-2346'   || true  | '991-2346'
        '5050-1088'  || false | null
        '505-10'     || false | null
        '5050-10891' || false | null
        '5050/1089'  || false | null
        verdict = valid ? 'valid' : 'refused'
    }

    def "plusgiro #text is #verdict"() {
        expect:
        PaymentNumbers.problemWithPlusgiro(text).isEmpty() == valid
        !valid || PaymentNumbers.normalPlusgiro(text) == printed

        where:
        text         || valid | printed
        '46 82 31-6' || true  | '468231-6'
        '4682316'    || true  | '468231-6'
        '1-8'        || true  | '1-8'
        '46 82 31-5' || false | null
        '123456789'  || false | null
        verdict = valid ? 'valid' : 'refused'
    }

    def "VAT number #text for #orgNo: #expected"() {
        expect:
        PaymentNumbers.problemWithVatNumber(text, orgNo).map { it.split(':')[0] }.orElse('valid') == expected

        where:
        text             | orgNo         || expected
        'SE212000154601' | '212000-1546' || 'valid'
        'SE559321004901' | '559321-0049' || 'valid'
        'SE212000154601' | '212000-1355' || 'is not this entity\'s'
        'SE212000154701' | null          || 'its organisationsnummer 2120001547 is not valid'
        'SE2120001546'   | null          || 'format'
        '212000154601'   | null          || 'format'
    }

    def "IBAN #text: #verdict"() {
        expect:
        PaymentNumbers.problemWithIban(text).isEmpty() == valid

        where:
        text                            || valid
        'SE45 5000 0000 0583 9825 7466' || true
        'SE4550000000058398257466'      || true
        'se45 5000 0000 0583 9825 7466' || true
        'SE46 5000 0000 0583 9825 7466' || false
        'SE45 5000 0000 0583 9825 746'  || false
        'GB82 WEST 1234 5698 7654 32'   || true
        verdict = valid ? 'valid' : 'refused'
    }

    def "an IBAN prints in groups of four"() {
        expect:
        PaymentNumbers.normalIban('se4550000000058398257466') == 'SE45 5000 0000 0583 9825 7466'
    }

    def "BIC #text: #valid"() {
        expect:
        PaymentNumbers.problemWithBic(text).isEmpty() == valid

        where:
        text          || valid
        'ESSESESS'    || true
        'SWEDSESSXXX' || true
        'ESSESES'     || false
        'essesess'    || false
    }

    def "a bankgiro with a random wrong check digit is refused (property over 1 000 numbers)"() {
        given:
        Random random = new Random(10)

        expect:
        (1..1000).every {
            String seven = String.format('%07d', random.nextInt(10_000_000))
            int good = (0..9).find { PaymentNumbers.luhn(seven + it) } as int
            int bad = (good + 1 + random.nextInt(9)) % 10
            PaymentNumbers.problemWithBankgiro(seven + good).isEmpty() &&
                    PaymentNumbers.problemWithBankgiro(seven + bad).isPresent()
        }
    }
}
