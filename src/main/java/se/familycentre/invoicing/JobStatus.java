package se.familycentre.invoicing;

/** A job runs until every item is done, then it is finished. */
public enum JobStatus {
    RUNNING,
    FINISHED
}
