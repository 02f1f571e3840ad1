package se.familycentre.process

/** {@link IssueProcessFeatures} on the embedded default: an H2 file database in a directory of its own. */
class IssueProcessSpec extends IssueProcessFeatures {

    Database database(String name) {
        Database.h2(name)
    }
}
