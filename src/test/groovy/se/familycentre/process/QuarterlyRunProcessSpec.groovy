package se.familycentre.process

/** {@link QuarterlyRunProcessFeatures} on the embedded default: an H2 file database in a directory of its own. */
class QuarterlyRunProcessSpec extends QuarterlyRunProcessFeatures {

    Database database(String name) {
        Database.h2(name)
    }
}
