package se.familycentre.invoicing;

/** One centre of a job: waiting, issued, skipped because its period stands already, or failed with the reason. */
public enum JobItemStatus {
    PENDING,
    DONE,
    SKIPPED,
    FAILED
}
